import type * as z from 'zod';
import type { ConnectionList, ConnectionSummary, ConnectionTestResult, importUrlInputSchema, saveConnectionInputSchema, testConnectionInputSchema } from '../../contract';
import type { DatabaseTarget } from '../database';

export interface ConnectionStore {
  list(): Promise<ConnectionList>;
  /** The saved connections alone, read from the profiles file: no keychain probe, no sandbox. */
  saved(): Promise<ConnectionSummary[]>;
  /** A new connection belongs to `project` (its real path); an edited one stays where it was. */
  save(input: z.output<typeof saveConnectionInputSchema>, project?: string): Promise<ConnectionSummary>;
  delete(id: string): Promise<{ deleted: boolean }>;
  importUrl(input: z.output<typeof importUrlInputSchema>, project?: string): Promise<ConnectionSummary>;
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
  /** Human progress of slow steps (the sandbox's first start takes seconds): "Creating the sandbox cluster…". */
  onProgress?: (message: string) => void;
  /** Raw output of the sandbox PostgreSQL server (never contains a password). */
  onLog?: (line: string) => void;
}
