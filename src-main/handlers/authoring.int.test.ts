import { cp, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedMigration, LintResult, MigrationPreview, MigrationRunResponse, MigrationSource, MigrationStatus, RpcEnvelope, SavedMigration, UpDownUpResult } from '../contract';
import { envelopeValue } from '../test-support/rpcEnvelope';
import { tempFolders } from '../test-support/tempFolders';
import { adminDatabaseUrl, createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { createStudio, type Studio } from './createStudio';
import { createRouter, type Dispatch } from './router';

const sampleMigrations = fileURLToPath(new URL('../../migrations', import.meta.url));
const folder = tempFolders();

let db: TestDatabase;
let studio: Studio;
let dispatch: Dispatch;
let migrationsDir: string;

const errorOf = (envelope: RpcEnvelope<unknown>) => {
  if (envelope.ok) throw new Error(`expected a failure, got ${JSON.stringify(envelope.value).slice(0, 200)}`);
  return envelope.error;
};

beforeAll(async () => {
  db = await createTestDatabase();
  migrationsDir = await folder('pgm-studio-authoring-');
  await cp(sampleMigrations, migrationsDir, { recursive: true });
  // The test server stands in for the sandbox: scratch databases are made there, never in `db`.
  studio = createStudio({ dataDir: await folder('pgm-studio-data-'), migrationsDir, databaseUrl: db.url, scratchServer: { connectionString: adminDatabaseUrl() }, door: 'server', log: () => undefined });
  dispatch = createRouter(studio.handlers, () => undefined).dispatch;
}, 120_000);

afterAll(async () => {
  await studio?.close();
  await db?.drop();
});

const jsMigration = `/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 */
exports.up = (pgm) => {
  pgm.createTable('tags', { id: 'id', label: { type: 'text', notNull: true } });
  pgm.createIndex('tags', 'label');
};
`;

describe('authoring/preview: node-pg-migrate\'s SQL without a database', { timeout: 120_000 }, () => {
  it('gives the exact up SQL and the inferred down', async () => {
    const preview = envelopeValue<MigrationPreview>(await dispatch('authoring/preview', { language: 'js', content: jsMigration }));
    expect(preview).toEqual({
      up: { sql: ['CREATE TABLE "tags" (\n  "id" serial PRIMARY KEY,\n  "label" text NOT NULL\n);', 'CREATE INDEX "tags_label_index" ON "tags" ("label");'] },
      down: { sql: ['DROP INDEX "tags_label_index";', 'DROP TABLE "tags";'] },
      noTransaction: false,
    });
  });

  it('a TypeScript migration and a .sql one preview too', async () => {
    const ts = `import type { MigrationBuilder } from 'node-pg-migrate';\n\nexport async function up(pgm: MigrationBuilder): Promise<void> {\n  pgm.addColumn('users', { bio: { type: 'text' } });\n}\n\nexport async function down(pgm: MigrationBuilder): Promise<void> {\n  pgm.dropColumn('users', 'bio');\n}\n`;
    expect(envelopeValue<MigrationPreview>(await dispatch('authoring/preview', { language: 'ts', content: ts }))).toMatchObject({
      up: { sql: ['ALTER TABLE "users"\n  ADD "bio" text;'] },
      down: { sql: ['ALTER TABLE "users"\n  DROP "bio";'] },
    });
    const sql = '-- Up Migration\nCREATE TABLE a (id int);\n-- Down Migration\nDROP TABLE a;\n';
    expect(envelopeValue<MigrationPreview>(await dispatch('authoring/preview', { language: 'sql', content: sql }))).toMatchObject({
      up: { sql: [expect.stringContaining('CREATE TABLE a (id int);')] },
      down: { sql: [expect.stringContaining('DROP TABLE a;')] },
    });
  });

  it('says when down cannot be inferred, naming the operation', async () => {
    const preview = envelopeValue<MigrationPreview>(await dispatch('authoring/preview', { language: 'js', content: "exports.up = (pgm) => {\n  pgm.sql('UPDATE users SET email = lower(email) WHERE true');\n};\n" }));
    expect(preview.up).toEqual({ sql: ['UPDATE users SET email = lower(email) WHERE true;'] });
    expect(preview.down).toEqual({ notInferable: expect.stringContaining('pgm.sql()') });
  });

  it('a syntax error says where it is, for up and down alike', async () => {
    const preview = envelopeValue<MigrationPreview>(await dispatch('authoring/preview', { language: 'js', content: "exports.up = (pgm) => {\n  pgm.createTable('x', {\n};\n" }));
    expect(preview.up).toEqual({ error: { message: expect.any(String), position: { line: 3, column: 2 } } });
    expect(preview.down).toEqual(preview.up);
  });

  it('an endless loop is stopped and reported; the process lives on', async () => {
    const started = Date.now();
    const preview = envelopeValue<MigrationPreview>(await dispatch('authoring/preview', { language: 'js', content: 'exports.up = () => { while (true) {} };\n' }));
    expect(preview.up).toEqual({ error: { message: expect.stringMatching(/did not finish within/) } });
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('authoring/lint with the target database\'s row estimates', { timeout: 120_000 }, () => {
  it('CREATE INDEX without CONCURRENTLY warns with the row estimate of a table that holds rows', async () => {
    envelopeValue<MigrationRunResponse>(await dispatch('migrations/run', { selection: { direction: 'up', count: 1 } }));
    await db.query("INSERT INTO users (email, display_name) SELECT 'u' || i || '@x.test', 'u' || i FROM generate_series(1, 500) i");
    await db.query('ANALYZE users');
    const lint = envelopeValue<LintResult>(await dispatch('authoring/lint', { name: 'add_display_name_index_to_users', language: 'js', content: "exports.up = (pgm) => {\n  pgm.createIndex('users', 'display_name');\n};\n" }));
    expect(lint.findings).toEqual([expect.objectContaining({ rule: 'index-not-concurrent', severity: 'warning', line: 2, message: expect.stringContaining('about 500 rows') })]);
    expect(lint.rowEstimatesFrom).toContain(db.name);
    envelopeValue(await dispatch('migrations/run', { selection: { direction: 'down', count: 1 } }));
  });
});

describe('authoring/up-down-up on a scratch database', { timeout: 300_000 }, () => {
  it('passes for a migration whose down reverses its up; the second run replays from the cache', async () => {
    const first = envelopeValue<UpDownUpResult>(await dispatch('authoring/up-down-up', { name: 'create_tags_table', language: 'js', content: jsMigration }));
    expect(first.steps.map((s) => [s.step, s.ok])).toEqual([['replay', true], ['up', true], ['down', true], ['up again', true]]);
    expect(first).toMatchObject({ passed: true, differences: [], replayed: ['1734567890000_initial_database_setup', '1734567890001_episode_notes_favorites', '1734567890002_add_user_preferences'] });
    expect(first.beforeText).toContain('table public.users');
    expect(first.afterDownText).toBe(first.beforeText);
    const second = envelopeValue<UpDownUpResult>(await dispatch('authoring/up-down-up', { name: 'create_tags_table', language: 'js', content: jsMigration }));
    expect(second).toMatchObject({ passed: true, cached: true });
    // The operator's database was never touched, and no scratch database is left but the replay cache.
    expect((await db.query("SELECT to_regclass('public.tags') AS t")).rows[0]).toEqual({ t: null });
    const admin = await createTestDatabase('pgmstudio_probe');
    const left = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'pgm\\_studio\\_%'");
    await admin.drop();
    expect(left.rows.map((r) => r.datname)).toEqual([expect.stringMatching(/^pgm_studio_tpl_/)]);
  });

  it('fails for a down that forgets the index its up created, naming the index', async () => {
    const content = "exports.up = (pgm) => {\n  pgm.createIndex('users', 'display_name', { name: 'users_display_name_idx' });\n};\nexports.down = () => {};\n";
    const result = envelopeValue<UpDownUpResult>(await dispatch('authoring/up-down-up', { name: 'add_display_name_index_to_users', language: 'js', content }));
    expect(result.passed).toBe(false);
    expect(result.cached).toBe(true);
    expect(result.differences).toEqual(['index users_display_name_idx on public.users created by up is still there after down']);
    expect(result.afterDownText).toContain('index users_display_name_idx on public.users');
    expect(result.beforeText).not.toContain('users_display_name_idx');
  });

  it('a migration that does not load never runs', async () => {
    const result = envelopeValue<UpDownUpResult>(await dispatch('authoring/up-down-up', { name: 'broken_thing', language: 'js', content: 'exports.up = (pgm) => {\n' }));
    expect(result).toMatchObject({ passed: false, steps: [{ step: 'up', ok: false }] });
  });
});

describe('migrations/source, migrations/save, migrations/create with content', { timeout: 120_000 }, () => {
  it('creates a migration with the editor\'s text, reads it back, saves it, and refuses a stale save', async () => {
    const created = envelopeValue<CreatedMigration>(await dispatch('migrations/create', { name: 'create_tags_table', language: 'js', content: jsMigration }));
    expect(created.file).toMatch(/^\d{13}_create_tags_table\.js$/);
    const source = envelopeValue<MigrationSource>(await dispatch('migrations/source', { name: created.name }));
    expect(source).toMatchObject({ name: created.name, file: created.file, language: 'js', content: jsMigration, applied: false, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const edited = jsMigration.replace("'label'", "'title'");
    const saved = envelopeValue<SavedMigration>(await dispatch('migrations/save', { name: created.name, content: edited, expectedSha256: source.sha256 }));
    expect(await readFile(join(migrationsDir, created.file), 'utf8')).toBe(edited);

    // Someone edits the file on disk; the editor still holds the old sha256.
    await writeFile(join(migrationsDir, created.file), `${edited}// by hand\n`);
    const stale = errorOf(await dispatch('migrations/save', { name: created.name, content: jsMigration, expectedSha256: saved.sha256 }));
    expect(stale).toMatchObject({ code: 'file-changed-on-disk', detail: { file: created.file, content: `${edited}// by hand\n` } });
    expect(await readFile(join(migrationsDir, created.file), 'utf8')).toBe(`${edited}// by hand\n`);
  });

  it('save refuses ../, a name that is no migration file, a link out of the folder, and an applied migration', async () => {
    expect(errorOf(await dispatch('migrations/save', { name: '../package', content: 'x', expectedSha256: '0'.repeat(64) })).code).toBe('invalid-input');
    expect(errorOf(await dispatch('migrations/save', { name: '1_nothing_here', content: 'x', expectedSha256: '0'.repeat(64) })).code).toBe('not-found');

    const outside = join(await folder('pgm-studio-outside-'), 'target.js');
    await writeFile(outside, 'exports.up = () => {};\n');
    await symlink(outside, join(migrationsDir, '1734567890005_linked_out.js'));
    expect(errorOf(await dispatch('migrations/save', { name: '1734567890005_linked_out', content: 'x', expectedSha256: '0'.repeat(64) })).code).toBe('forbidden');
    expect(await readFile(outside, 'utf8')).toBe('exports.up = () => {};\n');
    await (await import('node:fs/promises')).rm(join(migrationsDir, '1734567890005_linked_out.js'));

    envelopeValue(await dispatch('migrations/run', { selection: { direction: 'up', count: 1 } }));
    const name = '1734567890000_initial_database_setup';
    const source = envelopeValue<MigrationSource>(await dispatch('migrations/source', { name }));
    expect(source.applied).toBe(true);
    const refused = errorOf(await dispatch('migrations/save', { name, content: `${source.content}\n`, expectedSha256: source.sha256 }));
    expect(refused).toMatchObject({ code: 'migration-applied', hint: expect.any(String) });
    envelopeValue(await dispatch('migrations/run', { selection: { direction: 'down', count: 1 } }));
  });
});

describe('edited after apply', { timeout: 120_000 }, () => {
  it('status flags an applied migration whose file changed since the app applied it, with both texts', async () => {
    const name = '1734567890000_initial_database_setup';
    const file = join(migrationsDir, `${name}.js`);
    const original = await readFile(file, 'utf8');
    envelopeValue(await dispatch('migrations/run', { selection: { direction: 'up', count: 1 } }));
    let status = envelopeValue<MigrationStatus>(await dispatch('migrations/status', {}));
    expect(status.migrations.find((m) => m.name === name)?.editedAfterApply).toBeUndefined();

    await writeFile(file, `${original}// edited after it ran\n`);
    status = envelopeValue<MigrationStatus>(await dispatch('migrations/status', {}));
    expect(status.migrations.find((m) => m.name === name)?.editedAfterApply).toEqual({
      recordedAt: expect.any(String),
      recordedSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      currentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      recordedContent: original,
      currentContent: `${original}// edited after it ran\n`,
    });
    // Pending migrations never carry the flag; reverting forgets the record.
    expect(status.migrations.filter((m) => m.editedAfterApply !== undefined).map((m) => m.name)).toEqual([name]);
    await writeFile(file, original);
    envelopeValue(await dispatch('migrations/run', { selection: { direction: 'down', count: 1 } }));
    await writeFile(file, `${original}// edited while pending\n`);
    status = envelopeValue<MigrationStatus>(await dispatch('migrations/status', {}));
    expect(status.migrations.find((m) => m.name === name)?.editedAfterApply).toBeUndefined();
    await writeFile(file, original);
  });

  it('flags an edit made right after a status looked, at the same size and mtime', async () => {
    const name = '1734567890000_initial_database_setup';
    const file = join(migrationsDir, `${name}.js`);
    const original = await readFile(file, 'utf8');
    const sameSize = original.replace('pgm.', 'PGM.');
    expect(sameSize).not.toBe(original);
    expect(sameSize).toHaveLength(original.length);
    envelopeValue(await dispatch('migrations/run', { selection: { direction: 'up', count: 1 } }));
    try {
      // Written this second, as an editor saves: a second save in the same mtime tick keeps size and mtime.
      const thisSecond = new Date(Math.floor(Date.now() / 1000) * 1000);
      await utimes(file, thisSecond, thisSecond);
      let status = envelopeValue<MigrationStatus>(await dispatch('migrations/status', {}));
      expect(status.migrations.find((m) => m.name === name)?.editedAfterApply).toBeUndefined();
      await writeFile(file, sameSize);
      await utimes(file, thisSecond, thisSecond);
      status = envelopeValue<MigrationStatus>(await dispatch('migrations/status', {}));
      expect(status.migrations.find((m) => m.name === name)?.editedAfterApply?.currentContent).toBe(sameSize);
    } finally {
      await writeFile(file, original);
      envelopeValue(await dispatch('migrations/run', { selection: { direction: 'down', count: 1 } }));
    }
  });
});
