// pgm-studio test-migration: the up-down-up test through the real binary, scratch databases on the test server.
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpDownUpResult } from '../contract';
import { sampleMigrationsDir } from '../core/migrations/fixtures/projectFixture';
import { tempFolders } from '../test-support/tempFolders';
import { adminDatabaseUrl, createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { spawnCli } from './testing/spawnCli';

const folder = tempFolders();

describe('pgm-studio test-migration', { timeout: 300_000 }, () => {
  let db: TestDatabase;
  let migrationsDir: string;
  const cli = (...args: string[]) => spawnCli([...args, '--migrations-dir', migrationsDir], { env: { DATABASE_URL: db.url, PGM_STUDIO_SCRATCH_URL: adminDatabaseUrl() } });

  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_cli');
    migrationsDir = await folder('pgm-studio-cli-test-migration-');
    await cp(sampleMigrationsDir, migrationsDir, { recursive: true });
    await writeFile(join(migrationsDir, '1734567890003_add_display_name_index_to_users.js'), "exports.up = (pgm) => {\n  pgm.createIndex('users', 'display_name', { name: 'users_display_name_idx' });\n};\nexports.down = () => {};\n");
  });
  afterAll(async () => db?.drop());

  it('passes for a sample migration (exit 0) and fails, naming the index, for a down that forgets it (exit 1)', async () => {
    const good = await cli('test-migration', '1734567890002_add_user_preferences');
    expect(good.code, good.stderr + good.stdout).toBe(0);
    expect(good.stdout).toMatch(/✓ replay[\s\S]*✓ up[\s\S]*✓ down[\s\S]*✓ up again[\s\S]*Passed/);

    const bad = await cli('test-migration', '1734567890003_add_display_name_index_to_users', '--json');
    expect(bad.code, bad.stderr).toBe(1);
    const result = bad.json<UpDownUpResult>();
    expect(result).toMatchObject({ passed: false, differences: ['index users_display_name_idx on public.users created by up is still there after down'] });
    // The operator's database was not touched.
    expect((await db.query("SELECT to_regclass('public.users') AS t")).rows[0]).toEqual({ t: null });
  });
});
