import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { getStatus, runMigrations } from './index';
import { appliedNames, tableNames } from './fixtures/databaseSnapshot';
import { makeProject, type ProjectFixture } from './fixtures/projectFixture';

const files: Record<string, string> = {
  '1000_sql_file.sql': '-- Up Migration\nCREATE TABLE lang_sql (id int);\n\n-- Down Migration\nDROP TABLE lang_sql;\n',
  '1001_ts_esm.ts': "import type { MigrationBuilder } from 'node-pg-migrate';\n\nexport async function up(pgm: MigrationBuilder): Promise<void> {\n  pgm.createTable('lang_ts_esm', { id: 'id' });\n}\n\nexport async function down(pgm: MigrationBuilder): Promise<void> {\n  pgm.dropTable('lang_ts_esm');\n}\n",
  '1002_ts_commonjs.ts': "import type { MigrationBuilder } from 'node-pg-migrate';\nmodule.exports = {\n  up: (pgm: MigrationBuilder) => pgm.createTable('lang_ts_cjs', { id: 'id' }),\n  down: (pgm: MigrationBuilder) => pgm.dropTable('lang_ts_cjs'),\n};\n",
  '1003_js_esm.js': "export const up = (pgm) => pgm.createTable('lang_js_esm', { id: 'id' });\nexport const down = (pgm) => pgm.dropTable('lang_js_esm');\n",
  '1004_js_commonjs.js': "exports.up = (pgm) => pgm.createTable('lang_js_cjs', { id: 'id' });\nexports.down = (pgm) => pgm.dropTable('lang_js_cjs');\n",
  '1005_mjs.mjs': "export function up(pgm) { pgm.createTable('lang_mjs', { id: 'id' }); }\nexport function down(pgm) { pgm.dropTable('lang_mjs'); }\n",
  '1006_cjs.cjs': "module.exports.up = (pgm) => pgm.createTable('lang_cjs', { id: 'id' });\nmodule.exports.down = (pgm) => pgm.dropTable('lang_cjs');\n",
  '1007_ts_types_only.d.ts': 'export declare const ignored: true;\n',
};

describe('every migration language node-pg-migrate 9 loads, from plain Node', () => {
  let db: TestDatabase;
  let project: ProjectFixture;
  const target = () => ({ connectionString: db.url });

  beforeAll(async () => {
    db = await createTestDatabase();
    project = await makeProject(files);
  });
  afterAll(async () => {
    await project?.cleanup();
    await db?.drop();
  });

  it('.sql, .ts (ESM and CommonJS), .js (ESM and CommonJS), .mjs and .cjs go up and down; .d.ts is ignored', async () => {
    const status = await getStatus(target(), project.settings);
    expect(status.migrations.map((m) => [m.file, m.hasDown])).toEqual(Object.keys(files).filter((f) => !f.endsWith('.d.ts')).map((f) => [f, true]));
    const up = await runMigrations(target(), project.settings, { direction: 'up' });
    expect(up.failure).toBeUndefined();
    expect(await tableNames(db.url)).toEqual(['lang_cjs', 'lang_js_cjs', 'lang_js_esm', 'lang_mjs', 'lang_sql', 'lang_ts_cjs', 'lang_ts_esm', 'pgmigrations']);
    const down = await runMigrations(target(), project.settings, { direction: 'down', count: 7 });
    expect(down.success).toBe(true);
    expect(await tableNames(db.url)).toEqual(['pgmigrations']);
    expect(await appliedNames(db.url)).toEqual([]);
  });

  /** Runs `file` as v1, reverts it, edits it to v2 and runs it again in this process: v2's table is there, v1's is not. */
  async function expectEditRunsAgain(file: string, tablePrefix: string, source: (table: string) => string): Promise<void> {
    await project.write(file, source(`${tablePrefix}_v1`));
    await runMigrations(target(), project.settings, { direction: 'up' });
    expect(await tableNames(db.url)).toContain(`${tablePrefix}_v1`);
    await runMigrations(target(), project.settings, { direction: 'down' });
    await project.write(file, source(`${tablePrefix}_v2`));
    await runMigrations(target(), project.settings, { direction: 'up', to: file.slice(0, file.lastIndexOf('.')) });
    const tables = await tableNames(db.url);
    expect(tables).toContain(`${tablePrefix}_v2`);
    expect(tables).not.toContain(`${tablePrefix}_v1`);
  }

  it('re-reads a migration edited since the last run (no stale module cache)', async () => {
    await expectEditRunsAgain('1008_edited.ts', 'edit', (table) => `export const up = (pgm: any) => pgm.createTable('${table}', { id: 'id' });\nexport const down = (pgm: any) => pgm.dropTable('${table}');\n`);
  });

  it("resolves a migration's own imports of node-pg-migrate from a folder with no node_modules (PgLiteral, require)", async () => {
    await project.write('1009_value_import.ts', "import { MigrationBuilder, PgLiteral } from 'node-pg-migrate';\nexport const up = (pgm: MigrationBuilder) => pgm.createTable('value_import', { id: 'id', at: { type: 'timestamptz', default: new PgLiteral('current_timestamp') } });\nexport const down = (pgm: MigrationBuilder) => pgm.dropTable('value_import');\n");
    await project.write('1010_require.js', "const { PgLiteral } = require('node-pg-migrate');\nexports.up = (pgm) => pgm.addColumn('value_import', { note: { type: 'text', default: new PgLiteral(\"'none'\") } });\nexports.down = (pgm) => pgm.dropColumn('value_import', 'note');\n");
    const up = await runMigrations(target(), project.settings, { direction: 'up' });
    expect(up.failure).toBeUndefined();
    const { rows } = await db.query<{ column_name: string; column_default: string }>(
      "select column_name, column_default from information_schema.columns where table_name = 'value_import' and column_name in ('at', 'note') order by column_name",
    );
    expect(rows).toEqual([
      { column_name: 'at', column_default: 'CURRENT_TIMESTAMP' },
      { column_name: 'note', column_default: "'none'::text" },
    ]);
    const down = await runMigrations(target(), project.settings, { direction: 'down', count: 2 });
    expect(down.success).toBe(true);
    expect(await tableNames(db.url)).not.toContain('value_import');
  });

  it('re-reads an edited CommonJS .js migration in the same process (Node\'s module cache never serves the old one)', async () => {
    await expectEditRunsAgain('1011_edited.js', 'cjs_edit', (table) => `exports.up = (pgm) => pgm.createTable('${table}', { id: 'id' });\nexports.down = (pgm) => pgm.dropTable('${table}');\n`);
    expect((await runMigrations(target(), project.settings, { direction: 'down' })).success).toBe(true);
  });

  it('loads CommonJS that needs more than Node gives it as node-pg-migrate does: a top-level await, a .ts helper, __dirname, a shebang', async () => {
    await mkdir(join(project.dir, 'lib'), { recursive: true });
    await project.write('lib/helper.ts', "export const tableName: string = 'from_ts_helper';\n");
    await project.write('1012_cjs_extras.js', [
      '#!/usr/bin/env node',
      "const { tableName } = require('./lib/helper.ts');",
      "const path = require('node:path');",
      "exports.up = (pgm) => { pgm.createTable(tableName, { id: 'id' }); pgm.sql(`COMMENT ON TABLE ${tableName} IS '${path.basename(__dirname) === path.basename(" + JSON.stringify(project.dir) + ") ? 'dirname ok' : 'wrong dirname'}'`); };",
      'exports.down = (pgm) => pgm.dropTable(tableName);',
      '',
    ].join('\n'));
    await project.write('1013_cjs_top_level_await.js', "const name = await Promise.resolve('after_top_level_await');\nexports.up = (pgm) => pgm.createTable(name, { id: 'id' });\nexports.down = (pgm) => pgm.dropTable(name);\n");
    const up = await runMigrations(target(), project.settings, { direction: 'up' });
    expect(up.failure).toBeUndefined();
    const { rows } = await db.query<{ comment: string | null }>("select obj_description('public.from_ts_helper'::regclass, 'pg_class') as comment");
    expect(rows).toEqual([{ comment: 'dirname ok' }]);
    expect(await tableNames(db.url)).toEqual(expect.arrayContaining(['from_ts_helper', 'after_top_level_await']));
    expect((await runMigrations(target(), project.settings, { direction: 'down', count: 2 })).success).toBe(true);
    expect(await tableNames(db.url)).not.toContain('from_ts_helper');
    for (const file of ['1012_cjs_extras.js', '1013_cjs_top_level_await.js', 'lib/helper.ts']) await project.remove(file);
  });

  it('runs a CommonJS migration that imports an ES module with import(), with no warning from Node', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      await project.write('1014_dynamic_import.js', [
        '/** @param pgm {import(\'node-pg-migrate\').MigrationBuilder} */',
        "exports.up = async (pgm) => { const { basename } = await import('node:path'); pgm.createTable(basename('/x/dynamic_import'), { id: 'id' }); };",
        "exports.down = (pgm) => pgm.dropTable('dynamic_import');",
        '',
      ].join('\n'));
      const up = await runMigrations(target(), project.settings, { direction: 'up' });
      expect(up.failure).toBeUndefined();
      expect(await tableNames(db.url)).toContain('dynamic_import');
      expect((await runMigrations(target(), project.settings, { direction: 'down' })).success).toBe(true);
      // A warning is emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('runs a CommonJS migration as node-pg-migrate does: methods see their exports, no down reverses the up, a link loads from where it points', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'pgm-studio-linked-'));
    try {
      await project.write('1015_methods.js', "module.exports = {\n  table() { return 'method_this'; },\n  up(pgm) { pgm.createTable(this.table(), { id: 'id' }); },\n  down(pgm) { pgm.dropTable(this.table()); },\n};\n");
      await project.write('1016_reversible.js', "exports.up = (pgm) => pgm.createTable('reversed_by_down', { id: 'id' });\n");
      await writeFile(join(elsewhere, 'table.cjs'), "module.exports = 'linked_target';\n");
      await writeFile(join(elsewhere, 'linked.js'), "const table = require('./table.cjs');\nexports.up = (pgm) => pgm.createTable(table, { id: 'id' });\nexports.down = (pgm) => pgm.dropTable(table);\n");
      await symlink(join(elsewhere, 'linked.js'), join(project.dir, '1017_linked.js'));
      const up = await runMigrations(target(), project.settings, { direction: 'up' });
      expect(up.failure).toBeUndefined();
      expect(await tableNames(db.url)).toEqual(expect.arrayContaining(['method_this', 'reversed_by_down', 'linked_target']));
      const down = await runMigrations(target(), project.settings, { direction: 'down', count: 3 });
      expect(down.success, down.message).toBe(true);
      expect((await tableNames(db.url)).filter((t) => ['method_this', 'reversed_by_down', 'linked_target'].includes(t))).toEqual([]);
    } finally {
      for (const file of ['1015_methods.js', '1016_reversible.js', '1017_linked.js']) await project.remove(file);
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('a CommonJS file that throws while it loads runs once and names the file', async () => {
    const loads = globalThis as { pgmStudioLoads?: number };
    loads.pgmStudioLoads = 0;
    await project.write('1018_throws.js', "globalThis.pgmStudioLoads += 1;\nthrow new Error('refusing to load');\n");
    try {
      await expect(runMigrations(target(), project.settings, { direction: 'up' })).rejects.toMatchObject({ code: 'invalid-project', message: 'Cannot load migration file 1018_throws.js: refusing to load' });
      expect(loads.pgmStudioLoads).toBe(1);
    } finally {
      await project.remove('1018_throws.js');
      delete loads.pgmStudioLoads;
    }
  });
});
