import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionList, ConnectionSummary, MigrationRunResponse } from '../contract';
import { envelopeValue } from '../test-support/rpcEnvelope';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { createStudio, type Studio } from './createStudio';
import { createRouter, type Dispatch } from './router';

const sampleMigrations = fileURLToPath(new URL('../../migrations', import.meta.url));
const [first, second, third] = ['1734567890000_initial_database_setup', '1734567890001_episode_notes_favorites', '1734567890002_add_user_preferences'];

let db: TestDatabase;
let dataDir: string;
let studio: Studio;
let dispatch: Dispatch;
let server: { host: string; otherSpelling: string; port: number; user: string; password: string };

/** What pgmigrations holds (null while the table does not exist: nothing ever ran). */
async function applied(): Promise<string[] | null> {
  const { rows } = await db.query<{ exists: string | null }>("select to_regclass('public.pgmigrations') as exists");
  if (!rows[0]?.exists) return null;
  return (await db.query<{ name: string }>('select name from pgmigrations order by run_on, id')).rows.map((r) => r.name);
}

const profile = (name: string, environment: ConnectionSummary['environment'], host = server.otherSpelling) => ({
  name, host, port: server.port, database: db.name, user: server.user, sslMode: 'disable' as const, environment, color: environment === 'production' ? '#e03131' : '#2f9e44',
});

beforeAll(async () => {
  db = await createTestDatabase();
  const url = new URL(db.url);
  // The saved profile spells the host the other loopback way: the guard must still see one database.
  const otherSpelling = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : url.hostname;
  server = { host: url.hostname, otherSpelling, port: Number(url.port || 5432), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-guard-'));
  studio = createStudio({ dataDir, migrationsDir: sampleMigrations, databaseUrl: db.url, door: 'server', log: () => undefined });
  dispatch = createRouter(studio.handlers, () => undefined).dispatch;
});

afterAll(async () => {
  await studio?.close();
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('one production guard for every run that changes a database', () => {
  let productionId: string;

  it('a --database-url target is not production until a saved production connection has its host, port and database', async () => {
    const before = envelopeValue<ConnectionList>(await dispatch('connections/list', {}));
    expect(before.connections[0]).toMatchObject({ id: 'database-url', environment: 'development' });
    expect(before.connections[0]).not.toHaveProperty('productionMatch');

    const saved = envelopeValue<ConnectionSummary>(await dispatch('connections/save', { profile: profile('Course Tracker production', 'production'), password: server.password, sessionOnly: true }));
    productionId = saved.id;
    const after = envelopeValue<ConnectionList>(await dispatch('connections/list', {}));
    // Still the URL: saving a connection does not select it.
    expect(after.currentId).toBe('database-url');
    expect(after.connections[0]).toMatchObject({ id: 'database-url', environment: 'production', productionMatch: 'Course Tracker production' });
  });

  it('refuses up on the URL target without the name, naming the database and how to confirm; nothing runs', async () => {
    const refused = await dispatch('migrations/run', { selection: { direction: 'up' } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'confirmation-required', message: expect.stringContaining(`${db.name} on ${server.host}:${server.port} is a production database`), hint: expect.stringContaining(`"confirm": "${db.name}"`) },
    });
    expect(await applied()).toBeNull();
  });

  it('refuses a wrong name, then runs with the right one', async () => {
    const wrong = await dispatch('migrations/run', { selection: { direction: 'up' }, confirm: `${db.name}_typo` });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'confirmation-required', message: expect.stringContaining(`"${db.name}_typo"`) } });
    expect(await applied()).toBeNull();

    const run = envelopeValue<MigrationRunResponse>(await dispatch('migrations/run', { selection: { direction: 'up', count: 2 }, confirm: db.name }));
    expect(run.success).toBe(true);
    expect(await applied()).toEqual([first, second]);
  });

  it('guards redo and down too, but not a rehearsal (it is rolled back)', async () => {
    expect(await dispatch('migrations/redo', {})).toMatchObject({ ok: false, error: { code: 'confirmation-required' } });
    expect(await dispatch('migrations/run', { selection: { direction: 'down' } })).toMatchObject({ ok: false, error: { code: 'confirmation-required' } });
    expect(await applied()).toEqual([first, second]);

    expect(envelopeValue<{ success: boolean }>(await dispatch('migrations/rehearse', { selection: { direction: 'up' } })).success).toBe(true);
    expect(envelopeValue<MigrationRunResponse>(await dispatch('migrations/redo', { confirm: db.name })).success).toBe(true);
    expect(await applied()).toEqual([first, second]);
  });

  it('guards the saved production connection itself, and a development profile of the same database', async () => {
    expect(await dispatch('migrations/run', { connectionId: productionId, selection: { direction: 'up' } })).toMatchObject({ ok: false, error: { code: 'confirmation-required' } });
    const dev = envelopeValue<ConnectionSummary>(await dispatch('connections/save', { profile: profile('Same database, tagged dev', 'development', server.host), password: server.password, sessionOnly: true }));
    expect(await dispatch('migrations/run', { connectionId: dev.id, selection: { direction: 'up' } })).toMatchObject({
      ok: false, error: { code: 'confirmation-required', message: expect.stringContaining('"Course Tracker production"') },
    });
    expect(await applied()).toEqual([first, second]);

    expect(envelopeValue<MigrationRunResponse>(await dispatch('migrations/run', { connectionId: productionId, selection: { direction: 'up' }, confirm: db.name })).success).toBe(true);
    expect(await applied()).toEqual([first, second, third]);
  });

  it('once the production tag is gone, the URL target runs without a name', async () => {
    expect(envelopeValue<{ deleted: boolean }>(await dispatch('connections/delete', { id: productionId })).deleted).toBe(true);
    expect(envelopeValue<MigrationRunResponse>(await dispatch('migrations/run', { selection: { direction: 'down' } })).success).toBe(true);
    expect(await applied()).toEqual([first, second]);
  });
});
