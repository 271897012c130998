// --lock-timeout / --statement-timeout: a run blocked by another session's open transaction fails at
// the lock timeout naming the lock and the blocker; a malformed time is a usage error before connecting.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationRunResponse } from '../contract';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { spawnCli } from './testing/spawnCli';

describe('pgm-studio run timeouts', () => {
  let db: TestDatabase;
  let project: string;
  let blocker: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_clitimeout');
    await db.query('CREATE TABLE authors (id serial PRIMARY KEY)');
    project = await mkdtemp(join(tmpdir(), 'pgm-studio-cli-timeout-'));
    await writeFile(join(project, '1000_nickname.js'), "exports.up = (pgm) => { pgm.addColumn('authors', { nickname: 'text' }); };\nexports.down = () => {};\n");
    blocker = new pg.Client({ connectionString: db.url, application_name: 'nightly-report' });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT count(*) FROM authors');
  });
  afterAll(async () => {
    await blocker?.end().catch(() => undefined);
    await db?.drop();
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('up --lock-timeout 1s fails at the lock timeout and names the lock and the session holding it', async () => {
    const run = await spawnCli(['up', '--json', '--migrations-dir', project, '--lock-timeout', '1s'], { env: { DATABASE_URL: db.url } });
    expect(run.code).not.toBe(0);
    const body = run.json<MigrationRunResponse>();
    expect(body.success).toBe(false);
    expect(body.failure).toMatchObject({ pgCode: '55P03', timeout: { setting: 'lock_timeout', value: '1s' } });
    // While it waited, stderr said on what and behind whom.
    expect(run.stderr).toMatch(/waiting for AccessExclusiveLock on authors, blocked by pid \d+ \(application "nightly-report"/);
    expect(body.failure?.message).toMatch(/lock_timeout \(1s\) reached: .*ACCESS EXCLUSIVE lock on authors; held by pid \d+ \(application "nightly-report"/);
    // Rolled back: not even the migrations table stayed, and authors has no new column.
    expect((await db.query("SELECT to_regclass('public.pgmigrations')::text AS t")).rows[0]).toEqual({ t: null });
    expect((await db.query("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'authors' AND column_name = 'nickname'")).rows[0]).toEqual({ n: 0 });
  });

  it('refuses a time PostgreSQL would not take, before connecting', async () => {
    const run = await spawnCli(['up', '--migrations-dir', project, '--lock-timeout', '5 seconds'], { env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"5 seconds" is not a PostgreSQL time: .*5s/);
  });
});
