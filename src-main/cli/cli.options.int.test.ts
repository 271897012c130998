// The shared options reach the engine: DATABASE_URL, -f/--config-file, --migrations-table, --no-check-order.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationStatusResponse } from '../contract';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { repoRoot, spawnCli } from './testing/spawnCli';

describe('pgm-studio shared options', () => {
  let db: TestDatabase;
  let project: string;

  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_cliopt');
    project = await mkdtemp(join(tmpdir(), 'pgm-studio-cli-opt-'));
    await cp(join(repoRoot, 'migrations'), join(project, 'db', 'migrations'), { recursive: true });
    await writeFile(join(project, 'migrate.json'), JSON.stringify({ 'migrations-dir': 'db/migrations', 'migrations-table': 'schema_history' }));
  });
  afterAll(async () => {
    await db?.drop();
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('takes the database from DATABASE_URL and the project from a node-pg-migrate config file', async () => {
    const up = await spawnCli(['up', '--count', '1', '-f', 'migrate.json'], { cwd: project, env: { DATABASE_URL: db.url } });
    expect(up.code, up.stderr).toBe(0);
    const rows = await db.query<{ name: string }>('SELECT name FROM schema_history');
    expect(rows.rows.map((r) => r.name)).toEqual(['1734567890000_initial_database_setup']);
    expect((await db.query("SELECT to_regclass('public.pgmigrations')::text AS t")).rows[0]?.t).toBeNull();
  });

  it('lets a flag override the config file, relative to the current folder', async () => {
    const status = await spawnCli(['status', '--json', '-f', 'migrate.json', '--migrations-table', 'other_history', '--migrations-dir', 'db/migrations'], {
      cwd: project,
      env: { DATABASE_URL: db.url },
    });
    expect(status.code, status.stderr).toBe(0);
    // other_history does not exist yet: everything is pending there.
    expect(status.json<MigrationStatusResponse>().status.pendingMigrations).toHaveLength(3);
  });

  it('--database-url wins over DATABASE_URL', async () => {
    const broken = 'postgres://nobody:nothing@127.0.0.1:1/none';
    const run = await spawnCli(['status', '--json', '-f', 'migrate.json', '--database-url', db.url], { cwd: project, env: { DATABASE_URL: broken } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.json<MigrationStatusResponse>().status.appliedMigrations).toEqual(['1734567890000_initial_database_setup']);
  });

  it('--no-check-order lets an older pending migration through', async () => {
    const fresh = await createTestDatabase('pgmstudio_cliorder');
    try {
      const cli = (...args: string[]) => spawnCli([...args, '--migrations-dir', join(project, 'db', 'migrations')], { env: { DATABASE_URL: fresh.url } });
      expect((await cli('up', '--count', '1')).code).toBe(0);
      // Record the third as applied, leaving the second pending and older than the last applied.
      await fresh.query("INSERT INTO pgmigrations (name, run_on) VALUES ('1734567890002_add_user_preferences', now())");
      const entries = (await cli('status', '--json')).json<MigrationStatusResponse>().status.migrations;
      expect(entries.find((m) => m.name === '1734567890001_episode_notes_favorites')?.state).toBe('out-of-order');

      const refused = await cli('up');
      expect(refused.code, refused.stderr).toBe(2);
      expect(refused.stderr).toMatch(/^hint: /m);

      const allowed = await cli('up', '--no-check-order');
      expect(allowed.code, allowed.stderr).toBe(0);
      const applied = await fresh.query<{ name: string }>('SELECT name FROM pgmigrations ORDER BY id');
      expect(applied.rows.map((r) => r.name)).toEqual([
        '1734567890000_initial_database_setup',
        '1734567890002_add_user_preferences',
        '1734567890001_episode_notes_favorites',
      ]);
    } finally {
      await fresh.drop();
    }
  });
});
