import { describe, expect, it } from 'vitest';
import type { MigrationEvent, RunSelection } from '../../contract';
import { rehearse, runMigrations, type RunOptions } from './index';
import { snapshotDatabase } from './fixtures/databaseSnapshot';
import { createTableMigration, sampleNames } from './fixtures/projectFixture';
import { migrationSuite } from './fixtures/migrationSuite';

describe('rehearsal: a real run inside a transaction that is rolled back', () => {
  const suite = migrationSuite();
  const target = suite.target;

  /** Every rehearsal here must leave the database exactly as it found it: snapshot, rehearse, compare. */
  async function rehearseLeavingNoTrace(selection: RunSelection, options?: RunOptions) {
    const before = await snapshotDatabase(suite.db.url);
    const result = await rehearse(target(), suite.project.settings, selection, options);
    const after = await snapshotDatabase(suite.db.url);
    expect(after).toEqual(before);
    return { before, result, after };
  }

  it('rehearsing up on a fresh database executes every statement and leaves no trace (not even pgmigrations)', async () => {
    await suite.makeProject({}, { copySample: true });
    const events: MigrationEvent[] = [];
    const { result, after } = await rehearseLeavingNoTrace({ direction: 'up' }, { onEvent: (e) => events.push(e) });
    expect(result).toMatchObject({ direction: 'up', plan: [...sampleNames], success: true });
    expect(result.statements.some((s) => s.startsWith('CREATE TABLE "users"'))).toBe(true);
    expect(result.statements.some((s) => s.startsWith('CREATE TABLE "user_preferences"'))).toBe(true);
    expect(result.statements.filter((s) => s.startsWith('INSERT INTO "public"."pgmigrations"'))).toHaveLength(3);
    expect(events.find((e) => e.type === 'run-started')).toMatchObject({ rehearsal: true, plan: [...sampleNames] });
    expect(events.filter((e) => e.type === 'migration-finished')).toHaveLength(3);
    expect(after).toMatchObject({ migrations: null, advisoryLocks: 0, openTransactions: 0 });
  });

  it('rehearsing down on a migrated database leaves schema, pgmigrations rows and run_on untouched', async () => {
    await suite.makeProject({}, { copySample: true });
    await runMigrations(target(), suite.project.settings, { direction: 'up' });
    const { before, result } = await rehearseLeavingNoTrace({ direction: 'down', to: sampleNames[0] });
    expect(before.migrations).toHaveLength(3);
    expect(result).toMatchObject({ success: true, plan: [sampleNames[2], sampleNames[1]] });
    expect(result.statements).toContain('DROP TABLE "user_preferences";');
  });

  it('a rehearsal that fails reports the error with its statement and still leaves no trace', async () => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_typo.sql': '-- Up Migration\nCREATE TABLE books (id int, title txet);\n-- Down Migration\nDROP TABLE books;\n',
    });
    const { result } = await rehearseLeavingNoTrace({ direction: 'up' });
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({ migration: '1001_typo', pgCode: '42704' });
    expect(result.failure?.statement).toContain('txet');
    expect(result.message).toMatch(/Rehearsal failed.*1001_typo.*Nothing was changed/);
    expect(result.statements.some((s) => s.startsWith('CREATE TABLE "authors"'))).toBe(true);
  });

  it('an irreversible down is caught by rehearsal', async () => {
    await suite.makeProject({ '1000_raw_sql.js': "exports.up = (pgm) => { pgm.sql('CREATE TABLE raw_t (id int)'); };\n" });
    await runMigrations(target(), suite.project.settings, { direction: 'up' });
    const { result } = await rehearseLeavingNoTrace({ direction: 'down' });
    expect(result.success).toBe(false);
    expect(result.failure?.migration).toBe('1000_raw_sql');
  });

  it('a pgm.noTransaction() migration cannot be rehearsed in a transaction: it fails with a hint and leaves no trace', async () => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_index_concurrently.js': "exports.up = (pgm) => { pgm.noTransaction(); pgm.createIndex('authors', 'label', { concurrently: true }); };\nexports.down = (pgm) => { pgm.noTransaction(); pgm.dropIndex('authors', 'label', { concurrently: true }); };\n",
    });
    const { result } = await rehearseLeavingNoTrace({ direction: 'up' });
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({ migration: '1001_index_concurrently', pgCode: '25001' });
    expect(result.failure?.hint).toMatch(/noTransaction/);
  });
});
