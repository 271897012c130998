// API of connection profiles, the keychain and the sandbox. Signatures are fixed (CLI, server and
// IPC build on them); bodies are being written in core/connections, core/secrets, core/sandbox.
import type {
  ConnectionList, ConnectionSummary, ConnectionTestResult, Environment,
} from '../../contract';
import type { z } from 'zod';
import type { saveConnectionInputSchema, testConnectionInputSchema } from '../../contract';
import type { DatabaseTarget } from '../migrations';

export interface ConnectionStore {
  list(): Promise<ConnectionList>;
  save(input: z.output<typeof saveConnectionInputSchema>): Promise<ConnectionSummary>;
  delete(id: string): Promise<{ deleted: boolean }>;
  importUrl(input: { url: string; name?: string; environment?: Environment }): Promise<ConnectionSummary>;
  select(id: string): Promise<ConnectionList>;
  test(input: z.output<typeof testConnectionInputSchema>): Promise<ConnectionTestResult>;
  /** pg config for a saved connection, password fetched from the keychain (or the session store). Default: the current one. */
  resolve(id?: string): Promise<{ profile: ConnectionSummary; target: DatabaseTarget }>;
  /** Stop the sandbox server if this store started it. */
  close(): Promise<void>;
}

export interface ConnectionStoreOptions {
  /** The app's data folder (profiles JSON, sandbox cluster). */
  dataDir: string;
  /** Start the built-in sandbox when no connection is configured (default true). */
  sandbox?: boolean;
}

export async function openConnectionStore(_options: ConnectionStoreOptions): Promise<ConnectionStore> {
  throw new Error('not implemented yet');
}

/** The app's data folder: PGM_STUDIO_DATA_DIR, else the OS's per-user config folder + /pgm-studio. */
export function defaultDataDir(): string {
  throw new Error('not implemented yet');
}
