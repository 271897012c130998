import { describe, expect, it } from 'vitest';
import { redoMigrations, rehearse, runMigrations } from './index';
import { appliedNames, snapshotDatabase, tableNames } from './fixtures/databaseSnapshot';
import { createTableMigration, deferredForeignKeyFailure } from './fixtures/projectFixture';
import { migrationSuite } from './fixtures/migrationSuite';

/** A migration whose SQL ends the command's transaction: `COMMIT; CREATE TABLE escaped ...; BEGIN;`. */
const endsTransaction = (sql: string) => `exports.up = (pgm) => { pgm.sql(${JSON.stringify(sql)}); };\nexports.down = (pgm) => { pgm.dropTable('escaped'); };\n`;

describe('after a failure, the run reports what the database really holds', () => {
  const suite = migrationSuite();
  const target = suite.target;

  it('a rehearsal whose migration COMMITs itself stops there and says what was committed, not "nothing was changed"', async () => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_commits_itself.js': endsTransaction('COMMIT; CREATE TABLE escaped (id int); BEGIN;'),
      '1002_create_books.js': createTableMigration('books'),
    });
    const result = await rehearse(target(), suite.project.settings, { direction: 'up' });
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({ migration: '1001_commits_itself', endedTransaction: true });
    expect(result.failure?.changes).toEqual({
      recorded: ['1000_create_authors'],
      unrecorded: [],
      schema: { added: ['table public.authors'], removed: [], altered: [] },
    });
    expect(result.message).not.toMatch(/nothing was changed/i);
    expect(result.message).toMatch(/ended the command's transaction itself.*could not roll everything back.*Now recorded as applied: 1000_create_authors.*added table public\.authors\./);
    expect(result.failure?.hint).toMatch(/Remove COMMIT/);
    // What the report says is what the database holds: the transaction the migration opened with its
    // BEGIN (and its CREATE TABLE) is rolled back, and the migration after it never ran.
    expect(await appliedNames(suite.db.url)).toEqual(['1000_create_authors']);
    expect(await tableNames(suite.db.url)).toEqual(['authors', 'pgmigrations']);
    expect(await snapshotDatabase(suite.db.url)).toMatchObject({ advisoryLocks: 0, openTransactions: 0 });
  });

  it.each([
    ['COMMIT, then a new BEGIN', 'COMMIT; CREATE TABLE escaped (id int); BEGIN;', ['1000_create_authors'], ['authors', 'pgmigrations']],
    ['COMMIT, then autocommit', 'COMMIT; CREATE TABLE escaped (id int);', ['1000_create_authors'], ['authors', 'escaped', 'pgmigrations']],
    ['a ROLLBACK that discards the earlier work', 'ROLLBACK; CREATE TABLE escaped (id int);', [], ['escaped']],
  ])('a real up whose migration ends the transaction (%s) reports the truth, not "the database is unchanged"', async (_case, sql, applied, tables) => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_ends_transaction.js': endsTransaction(sql),
      '1002_create_books.js': createTableMigration('books'),
    });
    const result = await runMigrations(target(), suite.project.settings, { direction: 'up' });
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({ migration: '1001_ends_transaction', endedTransaction: true });
    expect(result.message).not.toMatch(/unchanged/);
    expect(result.failure?.changes?.recorded).toEqual(applied);
    expect(result.failure?.changes?.schema.added).toEqual(tables.filter((t) => t !== 'pgmigrations').map((t) => `table public.${t}`));
    // 1000 is reported as it really is: applied if the COMMIT kept it, rolled back if the ROLLBACK took it.
    expect(result.results[0]).toMatchObject(applied.length ? { name: '1000_create_authors', success: true } : { name: '1000_create_authors', success: false, rolledBack: true });
    expect(result.results.map((r) => r.name)).toEqual(['1000_create_authors', '1001_ends_transaction']);
    expect(await appliedNames(suite.db.url)).toEqual(applied);
    expect(await tableNames(suite.db.url)).toEqual(tables);
  });

  // node-pg-migrate's own BEGIN/COMMIT/ROLLBACK become savepoints; a migration's pgm.sql('ROLLBACK')
  // ('ROLLBACK;') or pgm.sql('END') must not be taken for one of them and slip through as a savepoint.
  it.each([
    ['a lone END', ['END'], ['1000_create_authors'], ['authors', 'pgmigrations']],
    ['a lone ROLLBACK after its own CREATE TABLE', ['CREATE TABLE escaped (id int)', 'ROLLBACK'], [], []],
  ])('a real up whose migration ends the transaction with %s is caught too, not recorded as applied', async (_case, statements, applied, tables) => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_ends_transaction.js': `exports.up = (pgm) => { ${statements.map((sql) => `pgm.sql(${JSON.stringify(sql)});`).join(' ')} };\nexports.down = false;\n`,
      '1002_create_books.js': createTableMigration('books'),
    });
    const result = await runMigrations(target(), suite.project.settings, { direction: 'up' });
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({ migration: '1001_ends_transaction', endedTransaction: true });
    expect(result.failure?.changes?.recorded).toEqual(applied);
    // The hint says changes were committed only when some were.
    expect(result.failure?.hint?.includes('they were committed')).toBe(tables.length > 0);
    expect(await appliedNames(suite.db.url)).toEqual(applied);
    expect(await tableNames(suite.db.url)).toEqual(tables);
  });

  it('a pgm.noTransaction() migration failing part-way: which statement, what it left, not recorded, how to undo it', async () => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_index_then_fail.js': `exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.createIndex('authors', 'label', { concurrently: true, name: 'authors_label_idx' });
  pgm.sql('SELECT 1/count(*) FROM authors');
};
exports.down = (pgm) => { pgm.noTransaction(); pgm.dropIndex('authors', 'label', { concurrently: true, name: 'authors_label_idx' }); };
`,
    });
    const result = await runMigrations(target(), suite.project.settings, { direction: 'up' });
    expect(result.failure).toMatchObject({
      migration: '1001_index_then_fail',
      pgCode: '22012',
      outsideTransaction: {
        failedStatement: 2,
        leftovers: { added: ['index authors_label_idx on public.authors'], removed: [], altered: [] },
        undo: ['DROP INDEX CONCURRENTLY IF EXISTS "public"."authors_label_idx";'],
        record: `INSERT INTO "public"."pgmigrations" (name, run_on) VALUES ('1001_index_then_fail', NOW());`,
      },
    });
    expect(result.message).toMatch(/outside a transaction.*failed at its statement 2.*not recorded/);
    expect(result.message).not.toMatch(/everything after was rolled back/);
    expect(result.failure?.hint).toMatch(/^Undo what it left by hand: DROP INDEX CONCURRENTLY IF EXISTS "public"."authors_label_idx"; Then fix .* Or finish .* record it: INSERT INTO "public"."pgmigrations"/);
    expect(await appliedNames(suite.db.url)).toEqual(['1000_create_authors']);
    // Following the hint works: undo by hand, fix the cause (an empty table), run up again: no 42P07.
    for (const statement of result.failure?.outsideTransaction?.undo ?? []) await suite.db.query(statement);
    await suite.db.query("INSERT INTO authors (label) VALUES ('Ada')");
    const again = await runMigrations(target(), suite.project.settings, { direction: 'up' });
    expect(again, again.message).toMatchObject({ success: true });
  });

  it('with a pool of one connection (PGM_STUDIO_POOL_SIZE=1) the state before the run is read on the run\'s own connection: the report is as true', async () => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_ends_transaction.js': endsTransaction('COMMIT; CREATE TABLE escaped (id int);'),
    });
    process.env.PGM_STUDIO_POOL_SIZE = '1';
    try {
      // A target of its own: its pool is made now, with one connection (a second checkout would wait forever).
      const result = await runMigrations({ ...target(), connectionTimeoutMillis: 60_000 }, suite.project.settings, { direction: 'up' });
      expect(result.failure).toMatchObject({ migration: '1001_ends_transaction', endedTransaction: true });
      expect(result.failure?.changes).toEqual({ recorded: ['1000_create_authors'], unrecorded: [], schema: { added: ['table public.authors', 'table public.escaped'], removed: [], altered: [] } });
    } finally {
      delete process.env.PGM_STUDIO_POOL_SIZE;
    }
  });

  it('a deferred foreign key that fails at COMMIT is a migration failure: named, every result rolled back, nothing changed', async () => {
    await suite.makeProject(deferredForeignKeyFailure);
    const before = await snapshotDatabase(suite.db.url);
    const result = await runMigrations(target(), suite.project.settings, { direction: 'up' });
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({ migration: null, atCommit: true, pgCode: '23503', statement: 'COMMIT' });
    expect(result.failure?.message).toMatch(/COMMIT failed: .*violates foreign key constraint "books_author_id_fkey"/);
    expect(result.failure?.hint).toMatch(/books_author_id_fkey.*deferred/);
    expect(result.results).toEqual([
      expect.objectContaining({ name: '1000_create_authors', success: false, rolledBack: true }),
      expect.objectContaining({ name: '1001_books_with_deferred_fk', success: false, rolledBack: true }),
    ]);
    expect(result.message).toMatch(/unchanged/);
    expect(await snapshotDatabase(suite.db.url)).toEqual(before);
  });

  it('a redo whose up half fails rolls back the whole redo: pgmigrations (run_on too) and the schema unchanged', async () => {
    await suite.makeProject({
      // The down leaves the table (and adds a column), so the up that follows fails with 42P07.
      '1000_create_authors.js': "exports.up = (pgm) => { pgm.createTable('authors', { id: 'id' }); };\nexports.down = (pgm) => { pgm.addColumn('authors', { redone: 'int' }); };\n",
    });
    await runMigrations(target(), suite.project.settings, { direction: 'up' });
    const before = await snapshotDatabase(suite.db.url);
    const result = await redoMigrations(target(), suite.project.settings, 1);
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({ migration: '1000_create_authors', pgCode: '42P07' });
    expect(result.results).toEqual([
      expect.objectContaining({ name: '1000_create_authors', direction: 'down', success: false, rolledBack: true }),
      expect.objectContaining({ name: '1000_create_authors', direction: 'up', success: false }),
    ]);
    expect(result.message).toMatch(/the database is unchanged/);
    expect(await snapshotDatabase(suite.db.url)).toEqual(before);
  });
});
