import { describe, expect, it } from 'vitest';
import { getStatus, runMigrations } from './index';
import { appliedNames, snapshotDatabase, tableNames } from './fixtures/databaseSnapshot';
import { createTableMigration, makeProject } from './fixtures/projectFixture';
import { migrationSuite } from './fixtures/migrationSuite';

describe('a failing command leaves the database exactly as before', () => {
  const suite = migrationSuite();
  const target = suite.target;

  it('a migration failing halfway rolls back its own work, the earlier ones of the run and pgmigrations', async () => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_create_books_then_fail.js': `exports.up = (pgm) => {
  pgm.createTable('books', { id: 'id', author_id: { type: 'integer', references: 'authors' } });
  pgm.sql('INSERT INTO books (author_id) VALUES (42)');
};
exports.down = (pgm) => { pgm.dropTable('books'); };
`,
    });
    const before = await snapshotDatabase(suite.db.url);
    const result = await runMigrations(target(), suite.project.settings, { direction: 'up' });
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({ migration: '1001_create_books_then_fail', pgCode: '23503', statement: 'INSERT INTO books (author_id) VALUES (42);' });
    expect(result.failure?.hint).toMatch(/clean up the invalid data first/i);
    expect(result.results).toEqual([
      expect.objectContaining({ name: '1000_create_authors', success: false, rolledBack: true }),
      expect.objectContaining({ name: '1001_create_books_then_fail', success: false }),
    ]);
    expect(result.message).toMatch(/1001_create_books_then_fail failed.*unchanged/);
    expect(await snapshotDatabase(suite.db.url)).toEqual(before);
    expect(before.migrations).toBeNull();
  });

  it('a failure on a partly migrated database keeps the applied part and its pgmigrations rows as they were', async () => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_bad_sql.sql': '-- Up Migration\nCREATE TABLE shelves (id int);\nCREATE TABLE shelves (id int);\n-- Down Migration\nDROP TABLE shelves;\n',
    });
    await runMigrations(target(), suite.project.settings, { direction: 'up', count: 1 });
    const before = await snapshotDatabase(suite.db.url);
    const result = await runMigrations(target(), suite.project.settings, { direction: 'up' });
    expect(result.failure).toMatchObject({ migration: '1001_bad_sql', pgCode: '42P07' });
    expect(result.failure?.hint).toMatch(/already exists/);
    expect(await snapshotDatabase(suite.db.url)).toEqual(before);
    expect(await appliedNames(suite.db.url)).toEqual(['1000_create_authors']);
  });

  it('a down whose step cannot be inferred fails naming the migration, and undoes the downs that had succeeded', async () => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_seed_authors_with_sql.js': "exports.up = (pgm) => { pgm.sql(\"INSERT INTO authors (label) VALUES ('Ada')\"); };\n",
      '1002_create_books.ts': "import type { MigrationBuilder } from 'node-pg-migrate';\nexport const up = (pgm: MigrationBuilder) => { pgm.createTable('books', { id: 'id' }); };\nexport const down = (pgm: MigrationBuilder) => { pgm.dropTable('books'); };\n",
    });
    await runMigrations(target(), suite.project.settings, { direction: 'up' });
    const status = await getStatus(target(), suite.project.settings);
    expect(status.migrations.map((m) => m.hasDown)).toEqual([true, false, true]);
    const before = await snapshotDatabase(suite.db.url);
    const result = await runMigrations(target(), suite.project.settings, { direction: 'down', count: 3 });
    expect(result.success).toBe(false);
    expect(result.failure?.migration).toBe('1001_seed_authors_with_sql');
    expect(result.failure?.message).toMatch(/Impossible to automatically infer down migration/);
    expect(result.failure?.hint).toMatch(/explicit down/);
    expect(result.failure?.irreversible).toBe(true);
    expect(result.results[0]).toMatchObject({ name: '1002_create_books', direction: 'down', success: false, rolledBack: true });
    expect(await snapshotDatabase(suite.db.url)).toEqual(before);
    expect(await tableNames(suite.db.url)).toEqual(['authors', 'books', 'pgmigrations']);
  });

  it('a .sql migration without a Down section cannot be reverted, and nothing changes', async () => {
    await suite.makeProject({ '1000_only_up.sql': '-- Up Migration\nCREATE TABLE lonely (id int);\n' });
    await runMigrations(target(), suite.project.settings, { direction: 'up' });
    const before = await snapshotDatabase(suite.db.url);
    const result = await runMigrations(target(), suite.project.settings, { direction: 'down' });
    expect(result.failure).toMatchObject({ migration: '1000_only_up' });
    expect(result.failure?.hint).toMatch(/Down Migration/);
    expect(await snapshotDatabase(suite.db.url)).toEqual(before);
  });

  it('a broken migration file is a StudioError naming the file, and nothing runs', async () => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_broken.ts': 'export const up = (pgm: ) => {\n',
    });
    const error = await runMigrations(target(), suite.project.settings, { direction: 'up', count: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StudioError', code: 'invalid-project' });
    expect((error as Error).message).toContain('1001_broken.ts');
    expect(await tableNames(suite.db.url)).toEqual([]);
    const throwing = await makeProject({ '1000_throws.mjs': "throw new Error('boom while loading');\n" });
    const error2 = await runMigrations(target(), throwing.settings, { direction: 'up' }).catch((e: unknown) => e);
    await throwing.cleanup();
    expect((error2 as Error).message).toMatch(/1000_throws\.mjs.*boom while loading/);
  });

  it('pgm.noTransaction(): like node-pg-migrate, migrations before it are committed, a later failure rolls back only what follows', async () => {
    await suite.makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_index_concurrently.js': `exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.createIndex('authors', 'label', { concurrently: true, name: 'authors_label_idx' });
};
exports.down = (pgm) => {
  pgm.noTransaction();
  pgm.dropIndex('authors', 'label', { concurrently: true, name: 'authors_label_idx' });
};
`,
      '1002_create_books.js': createTableMigration('books'),
      '1003_fails.sql': '-- Up Migration\nSELECT 1/0;\n-- Down Migration\nSELECT 1;\n',
    });
    const result = await runMigrations(target(), suite.project.settings, { direction: 'up' });
    expect(result.success).toBe(false);
    expect(result.failure).toMatchObject({ migration: '1003_fails', pgCode: '22012' });
    expect(result.results.map((r) => [r.name, r.success])).toEqual([
      ['1000_create_authors', true],
      ['1001_index_concurrently', true],
      ['1002_create_books', false],
      ['1003_fails', false],
    ]);
    expect(result.message).toMatch(/2 migration\(s\) before a pgm.noTransaction\(\) migration were already committed/);
    expect(await appliedNames(suite.db.url)).toEqual(['1000_create_authors', '1001_index_concurrently']);
    expect(await tableNames(suite.db.url)).toEqual(['authors', 'pgmigrations']);
    const index = await suite.db.query("SELECT 1 FROM pg_indexes WHERE indexname = 'authors_label_idx'");
    expect(index.rowCount).toBe(1);
  });
});
