import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedServer } from '../../src-main/core/sandbox/embeddedServer';

/**
 * One PostgreSQL for the whole run (TEST_DATABASE_URL, or an embedded 15.x cluster); each test then
 * creates its own database on it. Workers read the admin URL from the environment set here.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.TEST_DATABASE_URL) {
    process.env.PGM_STUDIO_E2E_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return async () => undefined;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-e2e-pg-'));
  const server = await startEmbeddedServer({ dataDir, password: randomBytes(12).toString('hex') });
  process.env.PGM_STUDIO_E2E_ADMIN_URL = server.adminUrl;
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
