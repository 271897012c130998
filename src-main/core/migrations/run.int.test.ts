import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationEvent } from '../../contract';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { getStatus, loadProject, planRun, redoMigrations, runMigrations } from './index';
import { appliedNames, tableNames } from './fixtures/databaseSnapshot';
import { sampleMigrationsDir, sampleNames } from './fixtures/projectFixture';
import type { ProjectSettings } from '../../contract';

const [first, second, third] = sampleNames;

describe('up, down and redo on the Course Tracker sample', () => {
  let db: TestDatabase;
  let project: ProjectSettings;
  const target = () => ({ connectionString: db.url });

  beforeAll(async () => {
    db = await createTestDatabase();
    project = (await loadProject({ migrationsDir: sampleMigrationsDir })).settings;
  });
  afterAll(async () => db?.drop());

  it('lists the three sample migrations as pending on a fresh database', async () => {
    const status = await getStatus(target(), project);
    expect(status.pendingMigrations).toEqual([...sampleNames]);
    expect(status.isUpToDate).toBe(false);
    expect(status.lastMigration).toBeNull();
    expect(await appliedNames(db.url)).toEqual([]);
  });

  it('up N runs only the next N', async () => {
    expect((await planRun(target(), project, { direction: 'up', count: 1 })).migrations).toEqual([first]);
    const events: MigrationEvent[] = [];
    const result = await runMigrations(target(), project, { direction: 'up', count: 1 }, { onEvent: (e) => events.push(e), runId: 'run-1' });
    expect(result.success).toBe(true);
    expect(result.results.map((r) => [r.name, r.direction, r.success])).toEqual([[first, 'up', true]]);
    expect(Number.isNaN(Date.parse(result.results[0]?.timestamp ?? ''))).toBe(false);
    expect(await appliedNames(db.url)).toEqual([first]);
    expect(await tableNames(db.url)).toEqual(['courses', 'pgmigrations', 'users']);
    expect(events.map((e) => e.type).filter((t) => t !== 'log')).toEqual(['run-started', 'migration-started', 'migration-finished', 'run-finished']);
    expect(events.every((e) => e.runId === 'run-1')).toBe(true);
  });

  it('up to NAME runs up to and including it', async () => {
    const result = await runMigrations(target(), project, { direction: 'up', to: second });
    expect(result.results.map((r) => r.name)).toEqual([second]);
    expect(await appliedNames(db.url)).toEqual([first, second]);
    expect(await tableNames(db.url)).toEqual(['courses', 'episodes', 'favorites', 'notes', 'pgmigrations', 'users']);
  });

  it('up runs everything pending and status is up to date with the third as last', async () => {
    const result = await runMigrations(target(), project, { direction: 'up' });
    expect(result).toMatchObject({ success: true, message: 'Migrations executed successfully' });
    expect(result.results.map((r) => r.name)).toEqual([third]);
    const status = await getStatus(target(), project);
    expect(status).toMatchObject({ isUpToDate: true, lastMigration: third, pendingMigrations: [], appliedMigrations: [...sampleNames] });
    expect(status.migrations.every((m) => m.state === 'applied' && m.runOn !== null && m.hasDown === true)).toBe(true);
    // The seed's user_preferences definition: FK with cascade, defaults, index.
    const fk = await db.query<{ def: string }>("SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'user_preferences'::regclass AND contype = 'f'");
    expect(fk.rows[0]?.def).toBe('FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE');
    const theme = await db.query<{ column_default: string }>("SELECT column_default FROM information_schema.columns WHERE table_name = 'user_preferences' AND column_name = 'theme'");
    expect(theme.rows[0]?.column_default).toContain("'light'");
    const uuid = await db.query<{ id: string }>("INSERT INTO users (email, display_name) VALUES ('a@example.com', 'A') RETURNING id");
    expect(uuid.rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('up with nothing pending is a successful no-op', async () => {
    const result = await runMigrations(target(), project, { direction: 'up' });
    expect(result.success).toBe(true);
    expect(result.results).toEqual([]);
    expect(await appliedNames(db.url)).toEqual([...sampleNames]);
  });

  it('redo reverts and re-applies the last migration in one go', async () => {
    const before = await db.query<{ run_on: Date }>('SELECT run_on FROM pgmigrations WHERE name = $1', [third]);
    const result = await redoMigrations(target(), project, 1);
    expect(result.success).toBe(true);
    expect(result.results.map((r) => [r.name, r.direction])).toEqual([[third, 'down'], [third, 'up']]);
    const after = await db.query<{ run_on: Date }>('SELECT run_on FROM pgmigrations WHERE name = $1', [third]);
    expect(after.rows[0]?.run_on.getTime()).toBeGreaterThan(before.rows[0]?.run_on.getTime() ?? Infinity);
    expect(await appliedNames(db.url)).toEqual([...sampleNames]);
    expect(await tableNames(db.url)).toContain('user_preferences');
  });

  it('down reverts the last one', async () => {
    const result = await runMigrations(target(), project, { direction: 'down' });
    expect(result.results.map((r) => [r.name, r.direction, r.success])).toEqual([[third, 'down', true]]);
    expect(await appliedNames(db.url)).toEqual([first, second]);
    expect(await tableNames(db.url)).not.toContain('user_preferences');
  });

  it('down to NAME leaves exactly NAME and what came before applied', async () => {
    await runMigrations(target(), project, { direction: 'up' });
    expect((await planRun(target(), project, { direction: 'down', to: first })).migrations).toEqual([third, second]);
    const result = await runMigrations(target(), project, { direction: 'down', to: first });
    expect(result.results.map((r) => r.name)).toEqual([third, second]);
    expect(await appliedNames(db.url)).toEqual([first]);
    expect(await tableNames(db.url)).toEqual(['courses', 'pgmigrations', 'users']);
    const status = await getStatus(target(), project);
    expect(status.migrations.map((m) => m.state)).toEqual(['applied', 'pending', 'pending']);
  });

  it('down N reverts N, and a count past the applied set reverts everything without error', async () => {
    await runMigrations(target(), project, { direction: 'up' });
    const two = await runMigrations(target(), project, { direction: 'down', count: 2 });
    expect(two.results.map((r) => r.name)).toEqual([third, second]);
    expect(await appliedNames(db.url)).toEqual([first]);
    const all = await runMigrations(target(), project, { direction: 'down', count: 50 });
    expect(all.success).toBe(true);
    expect(all.results.map((r) => r.name)).toEqual([first]);
    expect(await appliedNames(db.url)).toEqual([]);
    expect(await tableNames(db.url)).toEqual(['pgmigrations']);
  });

  it('rejects a `to` that names no migration, or a down target that is not applied', async () => {
    await expect(runMigrations(target(), project, { direction: 'up', to: '1_nope' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(runMigrations(target(), project, { direction: 'down', to: first })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runMigrations(target(), project, { direction: 'up', count: 1, to: first } as never)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await appliedNames(db.url)).toEqual([]);
  });

  it('reports a bad password as auth-failed without echoing it', async () => {
    const url = new URL(db.url);
    url.password = 'definitely-wrong-secret';
    const error = await getStatus({ connectionString: url.toString() }, project).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'auth-failed' });
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('definitely-wrong-secret');
    await expect(getStatus({ host: '127.0.0.1', port: 1, database: 'x', user: 'x', password: 'p' }, project)).rejects.toMatchObject({ code: 'connection-failed' });
  });
});
