// pgm-studio backup / rollback / restore, run as an operator or CI would: exit codes and the database after.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRecord, RollbackReport } from '../contract';
import { sampleMigrationsDir, sampleNames } from '../core/migrations/fixtures/projectFixture';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { tempFolders } from '../test-support/tempFolders';
import { spawnCli } from './testing/spawnCli';

const tempDir = tempFolders();
const [first, second, third] = sampleNames;
const broken = '1734567890003_broken_down';
let db: TestDatabase;
let dataDir: string;
let migrationsDir: string;

const cli = (...args: string[]) => spawnCli(['--migrations-dir', migrationsDir, ...args], { env: { DATABASE_URL: db.url, PGM_STUDIO_DATA_DIR: dataDir } });
const applied = async () => (await db.query<{ name: string }>('select name from pgmigrations order by run_on, id')).rows.map((r) => r.name);
const favorites = async () => Number((await db.query<{ n: string }>('select count(*)::text as n from favorites')).rows[0]!.n);

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await tempDir('pgm-cli-rollback-data-');
  migrationsDir = await tempDir('pgm-cli-rollback-migrations-');
  await cp(sampleMigrationsDir, migrationsDir, { recursive: true });
  await writeFile(join(migrationsDir, `${broken}.sql`), '-- Up Migration\nCREATE TABLE audit_trail (id int);\n-- Down Migration\nDROP TABLE no_such_table;\n');
  expect((await cli('up')).code).toBe(0);
  await db.query(`
    insert into users (email, display_name) select 'u' || g || '@example.com', 'U' || g from generate_series(1, 20) g;
    insert into courses (title) values ('Course');
    insert into episodes (course_id, title, position) select (select id from courses), 'E' || g, g from generate_series(1, 3) g;
    insert into favorites (user_id, episode_id) select u.id, e.id from users u, episodes e;
  `);
});
afterAll(async () => db?.drop());

describe('pgm-studio rollback', () => {
  it('exits non-zero with the database unchanged when a down fails, and says where the backup is', async () => {
    const run = await cli('rollback', '--to', first, '--json');
    expect(run.code, run.stderr).toBe(1);
    const report = run.json<RollbackReport>();
    expect(report).toMatchObject({ success: false, failedStep: 'rehearse', databaseChanged: false });
    expect(run.stderr).toContain('[rehearse] failed');
    expect(run.stderr).toMatch(/backup: \d+\/\d+ tables/);
    expect(await applied()).toEqual([first, second, third, broken]);
    expect(await favorites()).toBe(60);
  }, 240_000);

  it('backs up, verifies, rehearses, runs, checks, and the restore brings the rows back', async () => {
    await writeFile(join(migrationsDir, `${broken}.sql`), '-- Up Migration\nCREATE TABLE audit_trail (id int);\n-- Down Migration\nDROP TABLE audit_trail;\n');
    const run = await cli('rollback', '--to', first);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('SUCCESS');
    expect(await applied()).toEqual([first]);
    const backupId = /Restore it with: pgm-studio restore (\S+)/.exec(run.stdout)?.[1];
    expect(backupId).toBeDefined();
    // Where the report is: printed, and there (the text beside the JSON, next to the backup).
    const textPath = /and as text in (\S+)/.exec(run.stdout)?.[1];
    expect(textPath?.startsWith(join(dataDir, 'backups', backupId!, 'rollback-'))).toBe(true);
    expect(await readFile(textPath!, 'utf8')).toContain(`Restore it with: pgm-studio restore ${backupId}`);
    const refused = await cli('restore', backupId!);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('confirm');
    const restored = await cli('restore', join(dataDir, 'backups', backupId!), '--confirm', db.name);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await applied()).toEqual([first, second, third, broken]);
    expect(await favorites()).toBe(60);
  }, 240_000);

  it('pgm-studio backup makes a verified backup and prints where it is', async () => {
    const run = await cli('backup', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json<BackupRecord>()).toMatchObject({ status: 'complete', verified: true, appliedMigrations: [first, second, third, broken] });
  }, 240_000);
});
