// The "Done when" sequence, through the real binary, against a fresh database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationRunResponse, MigrationStatusResponse } from '../contract';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { spawnCli } from './testing/spawnCli';

const first = '1734567890000_initial_database_setup';
const second = '1734567890001_episode_notes_favorites';
const third = '1734567890002_add_user_preferences';

describe('pgm-studio on the sample project', () => {
  let db: TestDatabase;
  const cli = async (...args: string[]) => {
    const run = await spawnCli([...args, '--migrations-dir', 'migrations'], { env: { DATABASE_URL: db.url } });
    // The test server's URL carries a password: it must never be printed.
    const password = decodeURIComponent(new URL(db.url).password);
    if (password) expect(run.stdout + run.stderr).not.toContain(password);
    return run;
  };
  const appliedRows = async () => (await db.query<{ name: string }>('SELECT name FROM pgmigrations ORDER BY run_on, id')).rows.map((r) => r.name);

  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_cli');
  });
  afterAll(async () => db?.drop());

  it('status --json on a fresh database lists the three sample migrations as pending', async () => {
    const run = await cli('status', '--json');
    expect(run.code, run.stderr).toBe(0);
    const body = run.json<MigrationStatusResponse>();
    expect(body.message).toBe('Migration status retrieved successfully');
    expect(body.status.pendingMigrations).toEqual([first, second, third]);
    expect(body.status.appliedMigrations).toEqual([]);
    expect(body.status.lastMigration).toBeNull();
    expect(body.status.isUpToDate).toBe(false);
    expect(body.status.migrations.map((m) => [m.name, m.state])).toEqual([[first, 'pending'], [second, 'pending'], [third, 'pending']]);
  });

  it('up applies all three, with per-migration progress on stderr and the seed\'s POST body on stdout', async () => {
    const run = await cli('up', '--json');
    expect(run.code, run.stderr).toBe(0);
    const body = run.json<MigrationRunResponse>();
    expect(body.success).toBe(true);
    expect(body.results.map((r) => [r.name, r.direction, r.success])).toEqual([[first, 'up', true], [second, 'up', true], [third, 'up', true]]);
    for (const name of [first, second, third]) expect(run.stderr).toMatch(new RegExp(`✓ ${name} up, finished in \\d+ ms`));
    expect(await appliedRows()).toEqual([first, second, third]);
  });

  it('status then reports up to date, with the third as lastMigration', async () => {
    const run = await cli('status', '--json');
    const { status } = run.json<MigrationStatusResponse>();
    expect(status.isUpToDate).toBe(true);
    expect(status.lastMigration).toBe(third);
    expect(status.pendingMigrations).toEqual([]);
    expect(status.migrations.every((m) => m.state === 'applied' && m.runOn !== null)).toBe(true);
  });

  it('human status shows a timeline with each state and run_on', async () => {
    const run = await cli('status');
    expect(run.code, run.stderr).toBe(0);
    for (const name of [first, second, third]) expect(run.stdout).toMatch(new RegExp(`✓ applied\\s+${name}\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC`));
    expect(run.stdout).toContain('Up to date.');
    expect(run.stdout).not.toContain('\u001b['); // NO_COLOR and not a TTY: no escape codes
  });

  it('down --to the first leaves exactly the first applied', async () => {
    const run = await cli('down', '--to', first, '--json');
    expect(run.code, run.stderr).toBe(0);
    const body = run.json<MigrationRunResponse>();
    expect(body.success).toBe(true);
    expect(body.results.map((r) => [r.name, r.direction])).toEqual([[third, 'down'], [second, 'down']]);
    expect(await appliedRows()).toEqual([first]);
    const { status } = (await cli('status', '--json')).json<MigrationStatusResponse>();
    expect(status.appliedMigrations).toEqual([first]);
    expect(status.pendingMigrations).toEqual([second, third]);
    expect(status.isUpToDate).toBe(false);
    const tables = await db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('user_preferences', 'notes', 'favorites')");
    expect(tables.rows).toEqual([]);
  });

  it('rehearse shows the SQL of the pending migrations and changes nothing', async () => {
    const run = await cli('rehearse', '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = run.json<{ plan: string[]; statements: string[]; success: boolean }>();
    expect(result.success).toBe(true);
    expect(result.plan).toEqual([second, third]);
    expect(result.statements.join('\n')).toMatch(/CREATE TABLE/i);
    expect(await appliedRows()).toEqual([first]);
  });

  it('down --all reverts everything', async () => {
    const run = await cli('down', '--all');
    expect(run.code, run.stderr).toBe(0);
    expect(await appliedRows()).toEqual([]);
  });
});
