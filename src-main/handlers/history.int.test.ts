// The audit log records operations from every door: the pgm-studio command and the seed API.
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../cli/testing/spawnCli';
import { openHistoryLog } from '../core/history';
import { sampleMigrationsDir, sampleNames } from '../core/migrations/fixtures/projectFixture';
import { startServer, type RunningServer } from '../server/startServer';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { tempFolders } from '../test-support/tempFolders';

const tempDir = tempFolders();
const adminToken = 'admin-token-for-the-history-test';
let db: TestDatabase;
let dataDir: string;
let migrationsDir: string;
let server: RunningServer | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await tempDir('pgm-history-data-');
  migrationsDir = await tempDir('pgm-history-migrations-');
  await cp(sampleMigrationsDir, migrationsDir, { recursive: true });
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const password = () => decodeURIComponent(new URL(db.url).password);

describe('history from every door', () => {
  it('a CLI run is recorded with the OS user, the cli door, the masked connection and its SQL', async () => {
    const run = await spawnCli(['--migrations-dir', migrationsDir, 'up'], { env: { DATABASE_URL: db.url, PGM_STUDIO_DATA_DIR: dataDir } });
    expect(run.code, run.stderr).toBe(0);
    const page = await openHistoryLog(dataDir).list({ offset: 0, limit: 10 });
    expect(page.entries).toHaveLength(1);
    const [entry] = page.entries;
    expect(entry).toMatchObject({ operation: 'run', door: 'cli', result: 'success', direction: 'up', migrations: [...sampleNames], actor: { kind: 'os-user' }, database: db.name });
    expect(entry!.sql.join('\n')).toContain('CREATE TABLE "users"');
    expect(entry!.connection).not.toContain(password());
  }, 120_000);

  it('a seed API run is recorded as the seed-api door with the token\'s role, in the same log', async () => {
    const rendererDir = await tempDir('pgm-history-renderer-');
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>PGM Studio</title>');
    server = await startServer({ dataDir, migrationsDir, databaseUrl: db.url, adminToken, readToken: 'read-token-for-the-history-test', rendererDir, rateLimit: { max: 1000 }, log: () => undefined });
    const response = await fetch(`http://127.0.0.1:${server.port}/api/migrations`, {
      method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ direction: 'down' }),
    });
    expect(response.status).toBe(200);
    const page = await openHistoryLog(dataDir).list({ offset: 0, limit: 10, doors: ['seed-api'] });
    expect(page.entries[0]).toMatchObject({ operation: 'run', door: 'seed-api', actor: { kind: 'api-token', role: 'admin' }, direction: 'down', migrations: [sampleNames[2]], result: 'success' });
    const all = await openHistoryLog(dataDir).list({ offset: 0, limit: 10 });
    expect(all.entries.map((e) => e.door)).toEqual(['seed-api', 'cli']);
    expect(JSON.stringify(all)).not.toContain(password());
  }, 120_000);
});
