import { describe, expect, it } from 'vitest';
import type { LintRule, MigrationSourceLanguage } from '../../contract';
import { evaluateMigration } from './evaluateMigration';
import { lintMigration, tablesNeedingEstimates, type RowEstimate } from './lint';

// Every case runs the real evaluation worker (node-pg-migrate's MigrationBuilder), no stand-in.
async function lint(content: string, options: { name?: string; language?: MigrationSourceLanguage; estimates?: Map<string, RowEstimate> | null } = {}) {
  const language = options.language ?? 'js';
  const subject = { name: options.name ?? '1700000000000_add_email_index_to_users', language, content };
  return lintMigration(subject, await evaluateMigration(language, content), options.estimates ?? null);
}
const ofRule = (findings: Awaited<ReturnType<typeof lint>>, rule: LintRule) => findings.filter((f) => f.rule === rule);

const js = (up: string, down?: string) => `exports.up = (pgm) => {\n${up}\n};\n${down === undefined ? '' : `exports.down = (pgm) => {\n${down}\n};\n`}`;

describe('lint: the seed review checklist', { timeout: 60_000 }, () => {
  it('down-missing: no down and an irreversible up, on the line of the operation', async () => {
    const findings = ofRule(await lint(js(`  pgm.createTable('tags', { id: 'id' });\n  pgm.sql('UPDATE tags SET id = id WHERE false');`)), 'down-missing');
    expect(findings).toEqual([expect.objectContaining({ severity: 'error', line: 3, message: expect.stringContaining('pgm.sql()') })]);
  });

  it('down-missing: quiet when down is inferable or written', async () => {
    expect(ofRule(await lint(js(`  pgm.createTable('tags', { id: 'id' });`)), 'down-missing')).toEqual([]);
    expect(ofRule(await lint(js(`  pgm.sql('SELECT 1');`, `  pgm.sql('SELECT 1');`)), 'down-missing')).toEqual([]);
  });

  it('down-missing: a .sql file without a Down section', async () => {
    expect(ofRule(await lint('-- Up Migration\nCREATE TABLE tags (id int);\n', { language: 'sql' }), 'down-missing')).toHaveLength(1);
    expect(ofRule(await lint('-- Up Migration\nCREATE TABLE tags (id int);\n-- Down Migration\nDROP TABLE tags;\n', { language: 'sql' }), 'down-missing')).toEqual([]);
  });

  it('rollback-data-loss: down drops a table and a column up did not create', async () => {
    const findings = ofRule(await lint(js(`  pgm.sql('SELECT 1');`, `  pgm.dropTable('users');\n  pgm.dropColumn('courses', 'title');`)), 'rollback-data-loss');
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [5, expect.stringContaining('table users')],
      [6, expect.stringContaining('courses.title')],
    ]);
  });

  it('rollback-data-loss: quiet when down drops only what up created', async () => {
    const content = js(`  pgm.createTable('tags', { id: 'id' });\n  pgm.addColumn('users', { nickname: { type: 'text' } });`, `  pgm.dropColumn('users', 'nickname');\n  pgm.dropTable('tags');`);
    expect(ofRule(await lint(content), 'rollback-data-loss')).toEqual([]);
  });

  it('destructive-up: drop table, drop column, type change, DELETE and UPDATE without WHERE', async () => {
    const content = js(
      [
        `  pgm.dropTable('legacy');`,
        `  pgm.dropColumn('users', 'status');`,
        `  pgm.alterColumn('users', 'name', { type: 'varchar(20)' });`,
        '  pgm.sql(`',
        '    DELETE FROM sessions;',
        '    UPDATE users SET active = true`);',
      ].join('\n'),
      `  pgm.sql('SELECT 1');`,
    );
    const findings = ofRule(await lint(content), 'destructive-up');
    expect(findings.map((f) => f.line)).toEqual([2, 3, 4, 6, 7]);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/legacy[\s\S]*users\.status[\s\S]*varchar\(20\)[\s\S]*DELETE FROM sessions[\s\S]*UPDATE users/);
  });

  it('destructive-up: quiet for additive changes and a DELETE/UPDATE with WHERE', async () => {
    const content = js(`  pgm.addColumn('users', { bio: { type: 'text' } });\n  pgm.sql("DELETE FROM sessions WHERE expires_at < now(); UPDATE users SET bio = '' WHERE bio IS NULL");`, `  pgm.dropColumn('users', 'bio');`);
    expect(ofRule(await lint(content), 'destructive-up')).toEqual([]);
  });

  it('foreign-key-without-index: a new references column without an index', async () => {
    const findings = ofRule(await lint(js(`  pgm.addColumn('enrollments', { course_id: { type: 'integer', references: 'courses' } });`, `  pgm.dropColumn('enrollments', 'course_id');`)), 'foreign-key-without-index');
    expect(findings).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('enrollments.course_id') })]);
  });

  it('foreign-key-without-index: quiet when the column gets an index (pgm and SQL alike)', async () => {
    expect(ofRule(await lint(js(`  pgm.addColumn('enrollments', { course_id: { type: 'integer', references: 'courses' } });\n  pgm.createIndex('enrollments', 'course_id');`, `  pgm.dropColumn('enrollments', 'course_id');`)), 'foreign-key-without-index')).toEqual([]);
    const sql = '-- Up Migration\nALTER TABLE enrollments ADD COLUMN course_id integer REFERENCES courses;\nCREATE INDEX enrollments_course_id_idx ON enrollments (course_id);\n-- Down Migration\nALTER TABLE enrollments DROP COLUMN course_id;\n';
    expect(ofRule(await lint(sql, { language: 'sql' }), 'foreign-key-without-index')).toEqual([]);
  });

  it('not-null-without-default: NOT NULL added to an existing table without default, or set NOT NULL without populating', async () => {
    const content = js(`  pgm.addColumn('users', { tier: { type: 'text', notNull: true } });\n  pgm.addColumn('users', { nick: { type: 'text' } });\n  pgm.alterColumn('users', 'nick', { notNull: true });`, `  pgm.dropColumn('users', ['tier', 'nick']);`);
    expect(ofRule(await lint(content), 'not-null-without-default').map((f) => f.line)).toEqual([2, 4]);
  });

  it('not-null-without-default: quiet with a default, on a new table, and for the seed data migration (populate, then NOT NULL)', async () => {
    const content = js(
      [
        `  pgm.addColumn('users', { tier: { type: 'text', notNull: true, default: 'free' } });`,
        `  pgm.createTable('tags', { id: 'id', label: { type: 'text', notNull: true } });`,
        `  pgm.addColumn('users', { full_name: { type: 'varchar(255)' } });`,
        "  pgm.sql(`UPDATE users SET full_name = CONCAT(first_name, ' ', last_name) WHERE first_name IS NOT NULL`);",
        `  pgm.alterColumn('users', 'full_name', { notNull: true });`,
      ].join('\n'),
      `  pgm.dropTable('tags');\n  pgm.dropColumn('users', ['tier', 'full_name']);`,
    );
    expect(ofRule(await lint(content), 'not-null-without-default')).toEqual([]);
  });

  it('index-not-concurrent: a table the database says holds rows', async () => {
    const content = js(`  pgm.createIndex('users', 'email');`);
    const findings = ofRule(await lint(content, { estimates: new Map([['users', { rows: 12_000 }]]) }), 'index-not-concurrent');
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', line: 2, message: expect.stringContaining('about 12,000 rows') })]);
  });

  it('index-not-concurrent: quiet for an empty table, CONCURRENTLY, or a table the migration creates', async () => {
    const empty = new Map([['users', { rows: 0 }]]);
    expect(ofRule(await lint(js(`  pgm.createIndex('users', 'email');`), { estimates: empty }), 'index-not-concurrent')).toEqual([]);
    const full = new Map([['users', { rows: 5 }]]);
    expect(ofRule(await lint(js(`  pgm.noTransaction();\n  pgm.createIndex('users', 'email', { concurrently: true });`), { estimates: full }), 'index-not-concurrent')).toEqual([]);
    const created = js(`  pgm.createTable('tags', { id: 'id', label: 'text' });\n  pgm.createIndex('tags', 'label');`);
    const evaluation = await evaluateMigration('js', created);
    expect(tablesNeedingEstimates(evaluation, { name: 'x', language: 'js', content: created })).toEqual([]);
    expect(ofRule(lintMigration({ name: 'create_tags_table', language: 'js', content: created }, evaluation, new Map()), 'index-not-concurrent')).toEqual([]);
  });

  it('vague-name: the seed\'s vague names warn, its good ones do not', async () => {
    const content = js(`  pgm.createTable('tags', { id: 'id' });`);
    const evaluation = await evaluateMigration('js', content);
    for (const name of ['1700000000000_update_users', 'fix_database', 'changes']) {
      expect(ofRule(lintMigration({ name, language: 'js', content }, evaluation, null), 'vague-name'), name).toHaveLength(1);
    }
    for (const name of ['1700000000000_add_email_index_to_users', 'add_user_preferences_table', 'remove_deprecated_status_column']) {
      expect(ofRule(lintMigration({ name, language: 'js', content }, evaluation, null), 'vague-name'), name).toEqual([]);
    }
  });

  it('source-error: a syntax error is one finding on its line; a clean file has none', async () => {
    expect(await lint('exports.up = (pgm) => {\n  pgm.createTable(;\n};\n')).toEqual([expect.objectContaining({ rule: 'source-error', line: 2 })]);
    expect(ofRule(await lint(js(`  pgm.createTable('tags', { id: 'id' });`)), 'source-error')).toEqual([]);
  });
});

describe('evaluation worker', { timeout: 60_000 }, () => {
  it('process.exit() in the text ends its worker, not this process, and is reported', async () => {
    const evaluation = await evaluateMigration('js', 'exports.up = () => { process.exit(3); };\n');
    expect(evaluation).toEqual({ load: { message: expect.stringMatching(/exit code 3/) } });
    expect(await evaluateMigration('js', "exports.up = (pgm) => { pgm.sql('SELECT 1'); };\n")).toMatchObject({ up: { sql: ['SELECT 1;'] } });
  });

  it('the evaluated text sees none of the process environment (no DATABASE_URL to read)', async () => {
    process.env.PGM_STUDIO_TEST_SECRET = 'postgres://u:hunter2@h/db';
    try {
      const evaluation = await evaluateMigration('js', "exports.up = (pgm) => {\n  pgm.sql('SELECT ' + JSON.stringify(String(process.env.PGM_STUDIO_TEST_SECRET)));\n};\n");
      expect(evaluation).toMatchObject({ up: { sql: ['SELECT "undefined";'] } });
    } finally {
      delete process.env.PGM_STUDIO_TEST_SECRET;
    }
  });
});
