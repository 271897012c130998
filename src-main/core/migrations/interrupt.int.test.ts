// RunOptions.signal: an interrupted run cancels its running statement, rolls back and says so; a
// lost connection mid-run ends as a clear error. Real PostgreSQL, a migration stuck in pg_sleep.
import { describe, expect, it } from 'vitest';
import { isQueryActive, waitForActiveQuery } from '../../test-support/activeQuery';
import { redoMigrations, runMigrations } from './index';
import { appliedNames, snapshotDatabase } from './fixtures/databaseSnapshot';
import { createTableMigration } from './fixtures/projectFixture';
import { migrationSuite } from './fixtures/migrationSuite';
import { interruptedMessage } from './runInterrupt';

const sleeping = (table: string, extra = '') =>
  `exports.up = (pgm) => {\n${extra}  pgm.createTable('${table}', { id: 'id' });\n  pgm.sql('SELECT pg_sleep(30)');\n};\nexports.down = (pgm) => { pgm.dropTable('${table}'); };\n`;

describe('interrupting a run', () => {
  const suite = migrationSuite();

  it('cancels the running statement, rolls the whole command back and says so', async () => {
    await suite.makeProject({ '1000_authors.js': createTableMigration('authors'), '1001_slow.js': sleeping('books') });
    const before = await snapshotDatabase(suite.db.url);
    const controller = new AbortController();
    const started = Date.now();
    const run = runMigrations(suite.target(), suite.project.settings, { direction: 'up' }, { signal: controller.signal });
    await waitForActiveQuery(suite.db, 'pg_sleep(30)');
    controller.abort();
    const result = await run;
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(result).toMatchObject({ success: false, message: interruptedMessage, failure: { migration: '1001_slow', interrupted: true } });
    expect(result.results).toEqual([
      expect.objectContaining({ name: '1000_authors', success: false, rolledBack: true }),
      expect.objectContaining({ name: '1001_slow', success: false }),
    ]);
    expect(await isQueryActive(suite.db, 'pg_sleep(30)')).toBe(false);
    expect(await snapshotDatabase(suite.db.url)).toEqual(before);
  });

  it('interrupts a redo in its down half: nothing of it stays', async () => {
    await suite.makeProject({
      '1000_slow_down.js': "exports.up = (pgm) => { pgm.createTable('books', { id: 'id' }); };\nexports.down = (pgm) => { pgm.dropTable('books'); pgm.sql('SELECT pg_sleep(30)'); };\n",
    });
    expect((await runMigrations(suite.target(), suite.project.settings, { direction: 'up' })).success).toBe(true);
    const before = await snapshotDatabase(suite.db.url);
    const controller = new AbortController();
    const run = redoMigrations(suite.target(), suite.project.settings, 1, { signal: controller.signal });
    await waitForActiveQuery(suite.db, 'pg_sleep(30)');
    controller.abort();
    const result = await run;
    expect(result).toMatchObject({ success: false, message: interruptedMessage, failure: { interrupted: true } });
    expect(await snapshotDatabase(suite.db.url)).toEqual(before);
  });

  it('a pgm.noTransaction() migration: says which migrations stay applied and that the interrupted one is not recorded', async () => {
    await suite.makeProject({
      '1000_authors.js': createTableMigration('authors'),
      '1001_outside.js': sleeping('books', '  pgm.noTransaction();\n'),
    });
    const controller = new AbortController();
    const run = runMigrations(suite.target(), suite.project.settings, { direction: 'up' }, { signal: controller.signal });
    await waitForActiveQuery(suite.db, 'pg_sleep(30)');
    controller.abort();
    const result = await run;
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({ migration: '1001_outside', interrupted: true });
    expect(result.message).toMatch(/^interrupted: 1000_authors was committed before a pgm\.noTransaction\(\) migration and stays applied; 1001_outside ran outside a transaction: .* not recorded as applied/);
    expect(result.results).toEqual([
      expect.objectContaining({ name: '1000_authors', success: true }),
      expect.objectContaining({ name: '1001_outside', success: false }),
    ]);
    // The truth on disk: the first stays applied, the interrupted one's table stays, unrecorded.
    expect(await appliedNames(suite.db.url)).toEqual(['1000_authors']);
    const { rows } = await suite.db.query("SELECT to_regclass('public.books') IS NOT NULL AS exists");
    expect(rows[0]).toEqual({ exists: true });
  });

  it('a connection lost mid-run fails with a connection-lost error and a hint, and nothing is recorded', async () => {
    await suite.makeProject({ '1000_authors.js': createTableMigration('authors'), '1001_slow.js': sleeping('books') });
    const before = await snapshotDatabase(suite.db.url);
    const events: string[] = [];
    const run = runMigrations(suite.target(), suite.project.settings, { direction: 'up' }, { onEvent: (e) => events.push(e.type === 'migration-finished' ? `finished ${e.name}` : e.type) });
    const pid = await waitForActiveQuery(suite.db, 'pg_sleep(30)');
    await suite.db.query('SELECT pg_terminate_backend($1)', [pid]);
    const outcome = await run.then((value) => ({ value }), (error: unknown) => ({ error }));
    expect(outcome).toEqual({
      error: expect.objectContaining({ code: 'connection-failed', message: expect.stringMatching(/lost the database connection/i), hint: expect.stringMatching(/status before retrying/) }),
    });
    expect(events.at(-1)).toBe('run-finished');
    expect(await snapshotDatabase(suite.db.url)).toEqual(before);
  });
});
