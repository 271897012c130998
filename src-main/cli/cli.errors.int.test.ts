// Exit codes, hints and secrecy of the real binary when things go wrong.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PG_MIGRATE_LOCK_ID } from 'node-pg-migrate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedMigration, MigrationRunResponse } from '../contract';
import { freePort } from '../core/sandbox/embeddedServer';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { spawnCli, type CliRun } from './testing/spawnCli';

function expectUsableError(run: CliRun, code: number): void {
  expect(run.code, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(code);
  expect(run.stderr).toMatch(/^error: .+$/m);
  expect(run.stderr).toMatch(/^hint: .+$/m);
  expect(run.stderr + run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
}

describe('pgm-studio when things go wrong', () => {
  let db: TestDatabase;
  let workDir: string;
  const urlPassword = (url: string) => decodeURIComponent(new URL(url).password);

  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_clierr');
    workDir = await mkdtemp(join(tmpdir(), 'pgm-studio-cli-err-'));
  });
  afterAll(async () => {
    await db?.drop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('an unreachable server: exit 2, a hint, and the password nowhere in the output', async () => {
    const port = await freePort(); // free, so nothing listens there
    const secret = 'Sup3rSecretPw';
    const url = `postgres://operator:${secret}@127.0.0.1:${port}/app`;
    const human = await spawnCli(['status', '--database-url', url, '--migrations-dir', 'migrations']);
    expectUsableError(human, 2);
    expect(human.stdout + human.stderr).not.toContain(secret);

    const json = await spawnCli(['status', '--json', '--migrations-dir', 'migrations'], { env: { DATABASE_URL: url } });
    expect(json.code).toBe(2);
    const { error } = json.json<{ error: { code: string; message: string; hint: string } }>();
    expect(error.code).toBe('connection-failed');
    expect(error.hint.length).toBeGreaterThan(10);
    expect(json.stdout + json.stderr).not.toContain(secret);
  });

  it('a bad flag is a usage error: exit 2 with a hint', async () => {
    expectUsableError(await spawnCli(['up', '--no-such-flag']), 2);
    expectUsableError(await spawnCli(['frobnicate']), 2);
    expectUsableError(await spawnCli(['up', '--count', 'many']), 2);
  });

  it('a missing migrations directory: exit 2 with a hint', async () => {
    const run = await spawnCli(['status', '--migrations-dir', join(workDir, 'does-not-exist')], { env: { DATABASE_URL: db.url } });
    expectUsableError(run, 2);
    expect(run.stderr).toContain('does-not-exist');
    expect(run.stdout + run.stderr).not.toContain(urlPassword(db.url) || '\u0000');
    const json = await spawnCli(['status', '--json', '--migrations-dir', join(workDir, 'does-not-exist')], { env: { DATABASE_URL: db.url } });
    const { error } = json.json<{ error: { code: string } }>();
    expect(['invalid-project', 'not-found']).toContain(error.code);
  });

  it('a failing migration: exit 1 naming it, and the database exactly as before', async () => {
    const dir = join(workDir, 'broken');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    await writeFile(join(dir, '1700000000000_create_widgets.sql'), '-- Up Migration\nCREATE TABLE widgets (id int);\n-- Down Migration\nDROP TABLE widgets;\n');
    await writeFile(
      join(dir, '1700000000001_add_gadgets_broken.sql'),
      '-- Up Migration\nCREATE TABLE gadgets (id int);\nSELECT no_such_column FROM widgets;\n-- Down Migration\nDROP TABLE gadgets;\n',
    );
    const human = await spawnCli(['up', '--migrations-dir', dir], { env: { DATABASE_URL: db.url } });
    expectUsableError(human, 1);
    expect(human.stderr).toMatch(/^error: .*1700000000001_add_gadgets_broken/m);
    expect(human.stderr).toContain('✗ 1700000000001_add_gadgets_broken up failed');
    expect(human.stderr).toContain('ERROR 42703: column "no_such_column" does not exist');
    expect(human.stdout + human.stderr).not.toContain(urlPassword(db.url) || '\u0000');
    // The engine runs the whole command in one transaction: nothing of it may remain.
    const leftovers = await db.query<{ widgets: string | null; gadgets: string | null; migrations: string | null }>(
      "SELECT to_regclass('public.widgets')::text AS widgets, to_regclass('public.gadgets')::text AS gadgets, to_regclass('public.pgmigrations')::text AS migrations",
    );
    const { widgets, gadgets, migrations } = leftovers.rows[0]!;
    expect({ widgets, gadgets }).toEqual({ widgets: null, gadgets: null });
    if (migrations) expect((await db.query('SELECT name FROM pgmigrations')).rows).toEqual([]);

    const json = await spawnCli(['up', '--json', '--migrations-dir', dir], { env: { DATABASE_URL: db.url } });
    expect(json.code).toBe(1);
    const body = json.json<MigrationRunResponse>();
    expect(body.success).toBe(false);
    expect(body.failure?.migration).toBe('1700000000001_add_gadgets_broken');
    expect(body.failure?.pgCode).toBe('42703');
  });

  it('a migration lock held elsewhere: exit 2 naming the holder, nothing applied', async () => {
    const holder = new pg.Client({ connectionString: db.url, application_name: 'nightly-deploy' });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1::bigint)', [String(PG_MIGRATE_LOCK_ID)]);
      const run = await spawnCli(['up', '--migrations-dir', 'migrations'], { env: { DATABASE_URL: db.url } });
      expectUsableError(run, 2);
      expect(run.stderr).toContain('nightly-deploy');
      const json = await spawnCli(['up', '--json', '--migrations-dir', 'migrations'], { env: { DATABASE_URL: db.url } });
      expect(json.code).toBe(2);
      expect(json.json<{ error: { code: string } }>().error.code).toBe('lock-held');
    } finally {
      await holder.end();
    }
    expect((await db.query("SELECT to_regclass('public.users')::text AS t")).rows[0]?.t).toBeNull();
  });

  it('create writes a migration with up and down, and refuses a path as a name', async () => {
    const dir = join(workDir, 'created');
    await mkdir(dir, { recursive: true });
    const run = await spawnCli(['create', 'add_email_index_to_users', '--migrations-dir', dir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const created = run.json<CreatedMigration>();
    expect(created.name).toMatch(/^\d+_add_email_index_to_users$/);
    expect(await readdir(dir)).toEqual([created.file]);
    const content = await readFile(join(dir, created.file), 'utf8');
    expect(content).toMatch(/up/);
    expect(content).toMatch(/down/);

    const sql = await spawnCli(['create', 'add_gadgets_table', '--language', 'sql', '--migrations-dir', dir]);
    expect(sql.code, sql.stderr).toBe(0);
    expect(sql.stdout).toMatch(/Created .*add_gadgets_table\.sql/);

    const evil = await spawnCli(['create', '../evil', '--migrations-dir', dir]);
    expectUsableError(evil, 2);
    expect((await readdir(workDir)).some((f) => f.includes('evil'))).toBe(false);
    expect((await readdir(dir)).some((f) => f.includes('evil'))).toBe(false);
  });
});
