import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationStatus, RpcEnvelope } from '../contract';
import { makeProject, type ProjectFixture } from '../core/migrations/fixtures/projectFixture';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { createStudio, type Studio } from './createStudio';
import { createRouter, type Dispatch } from './router';

// Issue 6 defect 6: 50 concurrent GET /api/migrations as a role with a small CONNECTION LIMIT gave
// "too many connections for role". A pool per target bounds the connections; concurrent status
// requests for one target share one read.

const suffix = randomBytes(4).toString('hex');
const password = `Pool-${randomBytes(8).toString('hex')}`;
let db: TestDatabase;
let project: ProjectFixture;
const opened: { studio: Studio; dataDir: string }[] = [];
const roles: string[] = [];

async function roleWithLimit(limit: number): Promise<string> {
  const role = `pgm_pool_${roles.length}_${limit}_${suffix}`;
  await db.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' CONNECTION LIMIT ${limit}`);
  await db.query(`GRANT CREATE ON SCHEMA public TO ${role}`);
  roles.push(role);
  return role;
}

async function studioAs(role: string): Promise<Dispatch> {
  const url = new URL(db.url);
  url.username = role;
  url.password = password;
  url.searchParams.set('sslmode', 'disable');
  const dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-pool-'));
  const studio = createStudio({ dataDir, migrationsDir: project.dir, databaseUrl: url.toString(), door: 'server', log: () => undefined });
  opened.push({ studio, dataDir });
  return createRouter(studio.handlers, () => undefined).dispatch;
}

const failures = (envelopes: RpcEnvelope<unknown>[]) => envelopes.filter((e) => !e.ok).map((e) => (e.ok ? '' : `${e.error.code}: ${e.error.message}`));
const sessionsOf = async (role: string) => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE usename = $1', [role])).rows[0]?.n);

beforeAll(async () => {
  db = await createTestDatabase();
  project = await makeProject({}, { copySample: true });
});

afterAll(async () => {
  for (const { studio, dataDir } of opened) {
    await studio.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  await project?.cleanup();
  await db?.query(`DROP OWNED BY ${roles.join(', ')}`).catch(() => undefined);
  await db?.drop();
  for (const role of roles) await db?.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  delete process.env.PGM_STUDIO_POOL_SIZE;
});

describe('one pool per database target', () => {
  it('50 concurrent status, plan and lock requests as a role with CONNECTION LIMIT 3 all succeed (pool of 3)', async () => {
    process.env.PGM_STUDIO_POOL_SIZE = '3';
    const role = await roleWithLimit(3);
    const dispatch = await studioAs(role);
    const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => {
      if (i % 3 === 0) return dispatch('migrations/plan', { selection: { direction: 'up' } });
      if (i % 3 === 1) return dispatch('migrations/lock', {});
      return dispatch('migrations/status', {});
    }));
    expect(failures(burst)).toEqual([]);
    expect(await sessionsOf(role)).toBeLessThanOrEqual(3);
    delete process.env.PGM_STUDIO_POOL_SIZE;
  });

  it('concurrent status requests for one target and project share one read: a role limited to ONE connection serves 50 (default pool size)', async () => {
    const role = await roleWithLimit(1);
    const dispatch = await studioAs(role);
    const burst = await Promise.all(Array.from({ length: 50 }, () => dispatch('migrations/status', {})));
    expect(failures(burst)).toEqual([]);
    const first = burst[0] as { ok: true; value: MigrationStatus };
    expect(first.value.pendingMigrations).toHaveLength(3);
    expect(await sessionsOf(role)).toBe(1);
  });

  it('a pooled connection the server ends while idle is dropped, not a crash; the next request reconnects', async () => {
    const role = await roleWithLimit(2);
    const dispatch = await studioAs(role);
    expect(failures([await dispatch('migrations/status', {})])).toEqual([]);
    await db.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [role]);
    await expect.poll(() => sessionsOf(role), { timeout: 10_000 }).toBe(0);
    expect(failures([await dispatch('migrations/status', {})])).toEqual([]);
  });

  it('a run takes one client and gives it back with its session reset; a run that loses its connection does not return a dead client', async () => {
    const role = await roleWithLimit(1);
    const dispatch = await studioAs(role);
    // A migration may change its session (SET, SET ROLE...): that must not follow the client back into the pool.
    await project.write('1734567890003_session_setting.js', "exports.up = (pgm) => { pgm.sql(\"SET application_name = 'set-by-a-migration'\"); };\nexports.down = () => {};\n");
    await project.write('1734567890004_lose_connection.js', "exports.up = (pgm) => { pgm.sql('SELECT pg_terminate_backend(pg_backend_pid())'); };\n");
    try {
      const run = await dispatch('migrations/run', { selection: { direction: 'up', count: 4 } });
      expect(failures([run])).toEqual([]);
      // The one allowed connection is back in the pool, reset: a status read can use it.
      expect(await dispatch('migrations/status', {})).toMatchObject({ ok: true, value: { pendingMigrations: ['1734567890004_lose_connection'] } });
      const sessions = await db.query<{ app: string }>('SELECT application_name AS app FROM pg_stat_activity WHERE usename = $1', [role]);
      expect(sessions.rows).toEqual([{ app: 'pgm-studio' }]);

      const lost = await dispatch('migrations/run', { selection: { direction: 'up' } });
      expect(lost).toMatchObject({ ok: false, error: { code: 'connection-failed' } });
      // Had the dead client gone back to the pool, this read would fail with "not queryable".
      expect(failures([await dispatch('migrations/status', {})])).toEqual([]);
    } finally {
      await project.remove('1734567890003_session_setting.js');
      await project.remove('1734567890004_lose_connection.js');
    }
  });
});
