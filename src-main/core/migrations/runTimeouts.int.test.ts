// RunOptions.timeouts: lock_timeout / statement_timeout bound how long a run may wait or work, with
// SET LOCAL inside its transaction (SET for a pgm.noTransaction() migration). Real PostgreSQL.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from './index';
import { appliedNames, snapshotDatabase } from './fixtures/databaseSnapshot';
import { createTableMigration } from './fixtures/projectFixture';
import { migrationSuite } from './fixtures/migrationSuite';

const addColumn = "exports.up = (pgm) => { pgm.addColumn('authors', { nickname: 'text' }); };\nexports.down = (pgm) => { pgm.dropColumn('authors', 'nickname'); };\n";

describe('run timeouts', () => {
  const suite = migrationSuite();
  const sessions: pg.Client[] = [];
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.end().catch(() => undefined)));
  });

  /** Another session of the test database with an open transaction that read `table` (ACCESS SHARE until it ends). */
  async function holdReadLock(table: string): Promise<pg.Client> {
    const session = new pg.Client({ connectionString: suite.db.url, application_name: 'reporting-job' });
    sessions.push(session);
    await session.connect();
    await session.query('BEGIN');
    await session.query(`SELECT count(*) FROM ${table}`);
    return session;
  }

  it('a migration waiting for a lock fails at the lock timeout with 55P03, and the command is rolled back', async () => {
    await suite.makeProject({ '1000_authors.js': createTableMigration('authors') });
    expect((await runMigrations(suite.target(), suite.project.settings, { direction: 'up' })).success).toBe(true);
    await suite.project.write('1001_nickname.js', addColumn);
    await holdReadLock('authors');
    const before = await snapshotDatabase(suite.db.url);
    const started = Date.now();
    const result = await runMigrations(suite.target(), suite.project.settings, { direction: 'up' }, { timeouts: { lockTimeout: '1s' } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({
      migration: '1001_nickname',
      pgCode: '55P03',
      // Which timeout, which lock, who held it (sampled while the run waited), and what to do.
      message: expect.stringMatching(/^lock_timeout \(1s\) reached: .*ACCESS EXCLUSIVE lock on authors; held by pid \d+ \(application "reporting-job"/),
      hint: expect.stringMatching(/quieter moment.*raise the lock timeout.*CONCURRENTLY/),
      timeout: { setting: 'lock_timeout', value: '1s', waitedFor: { relation: 'authors', mode: 'AccessExclusiveLock' }, blockers: [expect.objectContaining({ applicationName: 'reporting-job', query: 'SELECT count(*) FROM authors' })] },
    });
    expect(result.message).toMatch(/lock_timeout \(1s\) reached/);
    expect(await snapshotDatabase(suite.db.url)).toEqual(before);
  });

  it('a statement running longer than the statement timeout fails with 57014', async () => {
    await suite.makeProject({ '1000_slow.js': "exports.up = (pgm) => { pgm.sql('SELECT pg_sleep(20)'); };\nexports.down = () => {};\n" });
    const result = await runMigrations(suite.target(), suite.project.settings, { direction: 'up' }, { timeouts: { statementTimeout: '500ms' } });
    expect(result.failure).toMatchObject({ migration: '1000_slow', pgCode: '57014', message: expect.stringMatching(/^statement_timeout \(500ms\) reached/), timeout: { setting: 'statement_timeout' } });
    expect(await appliedNames(suite.db.url)).toEqual([]);
  });

  it('a pgm.noTransaction() migration runs under the timeouts too (SET for its session)', async () => {
    await suite.makeProject({ '1000_authors.js': createTableMigration('authors') });
    expect((await runMigrations(suite.target(), suite.project.settings, { direction: 'up' })).success).toBe(true);
    await suite.project.write('1001_outside.js', "exports.up = (pgm) => { pgm.noTransaction(); pgm.addColumn('authors', { nickname: 'text' }); };\nexports.down = () => {};\n");
    await holdReadLock('authors');
    const events: string[] = [];
    const result = await runMigrations(suite.target(), suite.project.settings, { direction: 'up' }, { timeouts: { lockTimeout: '1s' }, onEvent: (e) => e.type === 'migration-outside-transaction' && events.push(e.name) });
    expect(result.failure).toMatchObject({ migration: '1001_outside', pgCode: '55P03' });
    // The UI learns the running migration is outside a transaction (a Cancel then asks first).
    expect(events).toEqual(['1001_outside']);
  });

  it('refuses a timeout that is not a PostgreSQL time before running anything', async () => {
    await suite.makeProject({ '1000_authors.js': createTableMigration('authors') });
    await expect(runMigrations(suite.target(), suite.project.settings, { direction: 'up' }, { timeouts: { lockTimeout: "1s'; DROP TABLE x; --" } })).rejects.toMatchObject({
      code: 'invalid-input',
      hint: expect.stringMatching(/5s/),
    });
    expect(await appliedNames(suite.db.url)).toEqual([]);
  });
});
