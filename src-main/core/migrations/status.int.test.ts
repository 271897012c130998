import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest, type TestDatabase } from '../../test-support/testDatabase';
import { getStatus, loadProject, planRun, runMigrations } from './index';
import { appliedNames } from './fixtures/databaseSnapshot';
import { createTableMigration, makeProject, type ProjectFixture } from './fixtures/projectFixture';

describe('status from pgmigrations and the directory listing', () => {
  const databases = freshDatabasePerTest();
  const target = databases.target;
  let db: TestDatabase;
  let project: ProjectFixture;

  beforeEach(async () => {
    db = databases.current();
    project = await makeProject({
      '1000_create_authors.js': createTableMigration('authors'),
      '1001_create_books.js': createTableMigration('books'),
      '1002_create_shelves.js': createTableMigration('shelves'),
      'README.md': '# not a migration',
      '1002_create_shelves.js.map': '{}',
      'types.d.ts': 'export {};',
    });
  });
  afterEach(async () => project.cleanup());

  it('fresh database (no pgmigrations table): everything pending, and nothing is created by looking', async () => {
    const status = await getStatus(target(), project.settings);
    expect(status).toMatchObject({ appliedMigrations: [], lastMigration: null, isUpToDate: false });
    expect(status.pendingMigrations).toEqual(['1000_create_authors', '1001_create_books', '1002_create_shelves']);
    expect(status.migrations.map((m) => [m.name, m.state, m.file, m.runOn, m.hasDown])).toEqual([
      ['1000_create_authors', 'pending', '1000_create_authors.js', null, true],
      ['1001_create_books', 'pending', '1001_create_books.js', null, true],
      ['1002_create_shelves', 'pending', '1002_create_shelves.js', null, true],
    ]);
    const table = await db.query("SELECT to_regclass('public.pgmigrations') AS t");
    expect(table.rows[0]?.t).toBeNull();
  });

  it('partly applied', async () => {
    await runMigrations(target(), project.settings, { direction: 'up', count: 2 });
    const status = await getStatus(target(), project.settings);
    expect(status.appliedMigrations).toEqual(['1000_create_authors', '1001_create_books']);
    expect(status.pendingMigrations).toEqual(['1002_create_shelves']);
    expect(status.lastMigration).toBe('1001_create_books');
    expect(status.migrations.map((m) => m.state)).toEqual(['applied', 'applied', 'pending']);
    const runOn = await db.query<{ run_on: Date }>("SELECT run_on FROM pgmigrations WHERE name = '1000_create_authors'");
    expect(status.migrations[0]?.runOn).toBe(runOn.rows[0]?.run_on.toISOString());
  });

  it('a migrations table dropped after status saw it: nothing applied, no error', async () => {
    await runMigrations(target(), project.settings, { direction: 'up', count: 1 });
    expect((await getStatus(target(), project.settings)).appliedMigrations).toEqual(['1000_create_authors']);
    expect((await getStatus(target(), project.settings)).appliedMigrations).toEqual(['1000_create_authors']);
    await db.query('DROP TABLE pgmigrations');
    expect(await getStatus(target(), project.settings)).toMatchObject({ appliedMigrations: [], lastMigration: null, isUpToDate: false });
    await db.query('CREATE TABLE pgmigrations (id serial PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)');
    await db.query("INSERT INTO pgmigrations (name, run_on) VALUES ('1000_create_authors', now())");
    expect((await getStatus(target(), project.settings)).appliedMigrations).toEqual(['1000_create_authors']);
  });

  it('missing file: applied but deleted from the directory', async () => {
    await runMigrations(target(), project.settings, { direction: 'up' });
    await project.remove('1001_create_books.js');
    const status = await getStatus(target(), project.settings);
    expect(status.migrations.map((m) => [m.name, m.state, m.file, m.hasDown])).toEqual([
      ['1000_create_authors', 'applied', '1000_create_authors.js', true],
      ['1001_create_books', 'missing-file', null, null],
      ['1002_create_shelves', 'applied', '1002_create_shelves.js', true],
    ]);
    expect(status.isUpToDate).toBe(true);
    // node-pg-migrate's check-order would refuse this history; we say why before touching anything.
    await expect(runMigrations(target(), project.settings, { direction: 'down' })).rejects.toMatchObject({ code: 'missing-file' });
    expect(await appliedNames(db.url)).toHaveLength(3);
  });

  it('out-of-order: a pending file that sorts before the last applied one', async () => {
    await runMigrations(target(), project.settings, { direction: 'up' });
    await project.write('1001500_merged_late.sql', '-- Up Migration\nCREATE TABLE late (id int);\n-- Down Migration\nDROP TABLE late;\n');
    await project.write('0999_older_branch.sql', '-- Up Migration\nCREATE TABLE older (id int);\n');
    const status = await getStatus(target(), project.settings);
    const states = Object.fromEntries(status.migrations.map((m) => [m.name, m.state]));
    expect(states).toEqual({
      '0999_older_branch': 'out-of-order',
      '1000_create_authors': 'applied',
      '1001_create_books': 'applied',
      '1002_create_shelves': 'applied',
      '1001500_merged_late': 'pending',
    });
    expect(status.migrations.map((m) => m.name)).toEqual(['0999_older_branch', '1000_create_authors', '1001_create_books', '1002_create_shelves', '1001500_merged_late']);
    expect(status.migrations.find((m) => m.name === '0999_older_branch')?.hasDown).toBe(false);
    expect(status.pendingMigrations).toEqual(['0999_older_branch', '1001500_merged_late']);
    expect(status.isUpToDate).toBe(false);
    await expect(planRun(target(), project.settings, { direction: 'up' })).rejects.toMatchObject({ code: 'out-of-order' });
    // With check-order off (node-pg-migrate's --no-check-order) the skipped one runs.
    const relaxed = { ...project.settings, checkOrder: false };
    const result = await runMigrations(target(), relaxed, { direction: 'up' });
    expect(result.results.map((r) => r.name)).toEqual(['0999_older_branch', '1001500_merged_late']);
    expect((await getStatus(target(), relaxed)).isUpToDate).toBe(true);
  });

  it('reads a custom migrations table and schema from a node-pg-migrate config file', async () => {
    await db.query('CREATE SCHEMA ops');
    const configFile = join(project.dir, 'config.json');
    await writeFile(configFile, JSON.stringify({ db: { 'migrations-dir': '.', 'migrations-table': 'schema_history', 'migrations-schema': 'ops', 'check-order': true } }));
    const { settings } = await loadProject({ root: project.dir, configFile, env: {} });
    expect(settings).toMatchObject({ migrationsDir: project.dir, migrationsTable: 'schema_history', migrationsSchema: 'ops', schema: 'public' });
    await runMigrations(target(), settings, { direction: 'up', count: 1 });
    expect(await appliedNames(db.url, 'ops.schema_history')).toEqual(['1000_create_authors']);
    expect((await getStatus(target(), settings)).appliedMigrations).toEqual(['1000_create_authors']);
    expect((await getStatus(target(), project.settings)).appliedMigrations).toEqual([]);
  });
});
