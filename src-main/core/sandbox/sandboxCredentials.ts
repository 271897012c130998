import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import * as z from 'zod';
import { readJsonFile, writeJsonFileAtomic } from '../appData';

// Why a password in a file is acceptable here (and nowhere else in the app): the sandbox is a
// throwaway local cluster the app creates and owns, listening on 127.0.0.1 only. Its superuser
// password is random, generated before initdb, and kept in a 0600 file beside the cluster so the
// desktop app and the CLI (separate processes) can both reach it. It protects the sandbox against
// other local users, nothing more; no user-provided secret is ever stored this way.

const credentialsSchema = z.object({
  user: z.string().min(1),
  password: z.string().min(16),
  /** The port the sandbox prefers (kept stable so external tools pointed at it keep working). */
  port: z.number().int().min(1).max(65535),
}).strict();
export type SandboxCredentials = z.infer<typeof credentialsSchema>;

export function credentialsPath(sandboxDir: string): string {
  return join(sandboxDir, 'credentials');
}

export async function readSandboxCredentials(sandboxDir: string): Promise<SandboxCredentials | undefined> {
  return readJsonFile(credentialsPath(sandboxDir), credentialsSchema);
}

export async function writeSandboxCredentials(sandboxDir: string, credentials: SandboxCredentials): Promise<void> {
  await writeJsonFileAtomic(credentialsPath(sandboxDir), credentials, { mode: 0o600, backup: false });
}

export function newSandboxCredentials(port: number): SandboxCredentials {
  return { user: 'postgres', password: randomBytes(24).toString('base64url'), port };
}
