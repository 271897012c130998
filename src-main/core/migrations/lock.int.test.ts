import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationEvent } from '../../contract';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { findLockHolder, runMigrations, rehearse } from './index';
import { appliedNames } from './fixtures/databaseSnapshot';
import { createTableMigration, makeProject, type ProjectFixture } from './fixtures/projectFixture';

const lockId = '7241865325823964'; // node-pg-migrate's PG_MIGRATE_LOCK_ID

describe("node-pg-migrate's advisory lock", () => {
  let db: TestDatabase;
  let project: ProjectFixture;
  const target = () => ({ connectionString: db.url });

  beforeAll(async () => {
    db = await createTestDatabase();
    project = await makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_slow_backfill.js': "exports.up = (pgm) => { pgm.sql('SELECT pg_sleep(3)'); pgm.createTable('slow_done', { id: 'id' }); };\nexports.down = (pgm) => { pgm.dropTable('slow_done'); };\n",
    });
  });
  afterEach(async () => {
    await db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'other-deployer'");
  });
  afterAll(async () => {
    await project?.cleanup();
    await db?.drop();
  });

  it('reports no holder when nobody migrates', async () => {
    expect(await findLockHolder(target(), project.settings)).toBeNull();
  });

  it('fails fast naming the holder when another session holds the lock, and runs nothing', async () => {
    const other = new pg.Client({ connectionString: db.url, application_name: 'other-deployer' });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1::bigint)', [lockId]);
      const otherPid = (await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      const holder = await findLockHolder(target(), project.settings);
      expect(holder).toMatchObject({ pid: otherPid, applicationName: 'other-deployer', clientAddress: '127.0.0.1' });
      expect(Number.isNaN(Date.parse(holder?.since ?? ''))).toBe(false);

      const started = Date.now();
      const events: MigrationEvent[] = [];
      const error = await runMigrations(target(), project.settings, { direction: 'up' }, { onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
      expect(events.map((e) => [e.type, e.type === 'run-finished' && e.success])).toEqual([['run-finished', false]]);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error).toMatchObject({ code: 'lock-held', detail: { holder: { pid: otherPid, applicationName: 'other-deployer' } } });
      expect((error as Error).message).toContain(`pid ${otherPid}`);
      expect((error as Error).message).toContain('other-deployer');
      expect((error as { hint?: string }).hint).toContain(`pg_terminate_backend(${otherPid})`);
      await expect(rehearse(target(), project.settings, { direction: 'up' })).rejects.toMatchObject({ code: 'lock-held' });
      expect(await appliedNames(db.url)).toEqual([]);
    } finally {
      await other.end();
    }
  });

  it('two concurrent runs: the second fails fast naming the first (pgm-studio), nothing is applied twice', async () => {
    const first = runMigrations(target(), project.settings, { direction: 'up' });
    let holder = null;
    for (let i = 0; i < 100 && !holder; i += 1) {
      holder = await findLockHolder(target(), project.settings);
      if (!holder) await new Promise((r) => setTimeout(r, 20));
    }
    expect(holder).toMatchObject({ applicationName: 'pgm-studio' });
    const second = await runMigrations(target(), project.settings, { direction: 'up' }).catch((e: unknown) => e);
    expect(second).toMatchObject({ code: 'lock-held', detail: { holder: { applicationName: 'pgm-studio' } } });
    const result = await first;
    expect(result.success).toBe(true);
    expect(await appliedNames(db.url)).toEqual(['1000_create_authors', '1001_slow_backfill']);
    const counts = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pgmigrations GROUP BY name HAVING count(*) > 1');
    expect(counts.rowCount).toBe(0);
    // The lock is released once the run is over.
    expect(await findLockHolder(target(), project.settings)).toBeNull();
    const locks = await db.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    expect(locks.rowCount).toBe(0);
  });
});
