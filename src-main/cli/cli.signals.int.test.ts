// Ctrl-C / SIGTERM during a run of the real binary: the running statement is cancelled, the command
// rolled back, the operator told so, exit 130. And a connection lost mid-run ends as an error, not a crash.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MigrationRunResponse } from '../contract';
import { snapshotDatabase, type DatabaseSnapshot } from '../core/migrations/fixtures/databaseSnapshot';
import { isQueryActive, waitForActiveQuery } from '../test-support/activeQuery';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { startCli } from './testing/spawnCli';

const interrupted = 'interrupted: the command was rolled back, the database is unchanged';

describe('pgm-studio interrupted', () => {
  let db: TestDatabase;
  let migrationsDir: string;
  let before: DatabaseSnapshot;

  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_signals');
    migrationsDir = await mkdtemp(join(tmpdir(), 'pgm-studio-signals-'));
    await writeFile(join(migrationsDir, '1000_authors.js'), "exports.up = (pgm) => { pgm.createTable('authors', { id: 'id' }); };\nexports.down = (pgm) => { pgm.dropTable('authors'); };\n");
    await writeFile(join(migrationsDir, '1001_slow.js'), "exports.up = (pgm) => { pgm.createTable('books', { id: 'id' }); pgm.sql('SELECT pg_sleep(30)'); };\nexports.down = (pgm) => { pgm.dropTable('books'); };\n");
  });
  beforeEach(async () => {
    before = await snapshotDatabase(db.url);
  });
  afterAll(async () => {
    await db?.drop();
    if (migrationsDir) await rm(migrationsDir, { recursive: true, force: true });
  });

  const up = (extra: string[] = []) => startCli(['up', '--migrations-dir', migrationsDir, ...extra], { env: { DATABASE_URL: db.url } });

  it('Ctrl-C during `up`: cancels the statement, rolls back, says so on stderr and exits 130', async () => {
    const cli = up();
    await waitForActiveQuery(db, 'pg_sleep(30)');
    const sentAt = Date.now();
    cli.child.kill('SIGINT');
    const run = await cli.exit;
    expect(run.code, run.stderr).toBe(130);
    expect(Date.now() - sentAt).toBeLessThan(25_000); // not the 30 s sleep
    expect(run.stderr).toContain(interrupted);
    expect(run.stderr).toMatch(/1001_slow up interrupted/);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(await isQueryActive(db, 'pg_sleep(30)')).toBe(false);
    expect(await snapshotDatabase(db.url)).toEqual(before);
  }, 120_000);

  it('SIGTERM with --json: the interrupted result on stdout, the message on stderr, exit 130; a second signal says it is still rolling back', async () => {
    const cli = up(['--json']);
    await waitForActiveQuery(db, 'pg_sleep(30)');
    cli.child.kill('SIGTERM');
    cli.child.kill('SIGINT');
    const run = await cli.exit;
    expect(run.code, run.stderr).toBe(130);
    const result = run.json<MigrationRunResponse>();
    expect(result).toMatchObject({ success: false, message: interrupted, failure: { migration: '1001_slow', interrupted: true } });
    expect(result.results.every((r) => !r.success)).toBe(true);
    expect(run.stderr).toContain(interrupted);
    // Both signals may arrive before the first is handled; when they do not, the second one is acknowledged.
    if (/SIGINT: still rolling back/.test(run.stderr)) expect(run.stderr).toMatch(/exiting as soon as it is done/);
    expect(await snapshotDatabase(db.url)).toEqual(before);
  }, 120_000);

  it('the run\'s connection killed mid-run: exit 2 with a connection-lost error and a hint, nothing applied', async () => {
    const cli = up(['--json']);
    const pid = await waitForActiveQuery(db, 'pg_sleep(30)');
    await db.query('SELECT pg_terminate_backend($1)', [pid]);
    const run = await cli.exit;
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: Lost the database connection/m);
    expect(run.stderr).toMatch(/^hint: .*status before retrying/m);
    expect(run.json<{ error: { code: string } }>().error.code).toBe('connection-failed');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(await snapshotDatabase(db.url)).toEqual(before);
  }, 120_000);
});
