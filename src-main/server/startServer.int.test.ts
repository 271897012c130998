import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationEvent, MigrationRunResponse, MigrationStatusResponse, RpcEnvelope } from '../contract';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { rawRequest, readEvents } from './serverTestClient';
import { startServer, type RunningServer } from './startServer';
import { tempFolders } from '../test-support/tempFolders';

const sampleMigrations = fileURLToPath(new URL('../../migrations', import.meta.url));
const sampleNames = ['1734567890000_initial_database_setup', '1734567890001_episode_notes_favorites', '1734567890002_add_user_preferences'];
const readToken = 'read-token-for-the-server-test';
const adminToken = 'admin-token-for-the-server-test';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let db: TestDatabase;
let server: RunningServer;
let base: string;
let rendererDir: string;
const tempDir = tempFolders();

async function openSession(): Promise<string> {
  const response = await fetch(`${base}/?token=${server.uiToken}`, { redirect: 'manual' });
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

async function rpc<T>(cookie: string, channel: string, input: unknown): Promise<RpcEnvelope<T>> {
  const response = await fetch(`${base}/rpc/${channel}`, { method: 'POST', headers: { cookie, origin: base, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  expect(response.status).toBe(200);
  return (await response.json()) as RpcEnvelope<T>;
}

beforeAll(async () => {
  db = await createTestDatabase();
  rendererDir = await tempDir('pgm-renderer-');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>PGM Studio</title><div id="root"></div>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  server = await startServer({ dataDir: await tempDir('pgm-data-'), migrationsDir: sampleMigrations, databaseUrl: db.url, readToken, adminToken, rendererDir, log: () => undefined });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe('startServer: the seed API', () => {
  it('GET /api/migrations with the read token answers the seed shape, all three samples pending', async () => {
    const response = await fetch(`${base}/api/migrations`, { headers: bearer(readToken) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as MigrationStatusResponse;
    expect(body.message).toBe('Migration status retrieved successfully');
    expect(body.status).toMatchObject({ appliedMigrations: [], pendingMigrations: sampleNames, lastMigration: null, isUpToDate: false });
  });

  it('answers 401 with a JSON error and hint without a token or with a wrong one', async () => {
    for (const headers of [{}, bearer('not-the-token-at-all-no'), { authorization: `Basic ${readToken}` }, bearer(`${readToken}x`)]) {
      const response = await fetch(`${base}/api/migrations`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({ error: { code: 'auth-failed', message: expect.any(String), hint: expect.stringContaining('Bearer') } });
    }
  });

  it('refuses POST with the read token (403) and applies nothing', async () => {
    const response = await fetch(`${base}/api/migrations`, { method: 'POST', headers: { ...bearer(readToken), 'content-type': 'application/json' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden', hint: expect.stringContaining('admin') } });
    const { rows } = await db.query("select to_regclass('public.pgmigrations') as table");
    if (rows[0]?.table) expect((await db.query('select * from pgmigrations')).rowCount).toBe(0);
  });

  it('refuses a foreign Host and a foreign Origin with 403, even with a valid token', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      const response = await rawRequest(server.port, { path: '/api/migrations', headers: { host, ...bearer(readToken) } });
      expect(response.status, host).toBe(403);
    }
    for (const origin of ['http://evil.example', `https://127.0.0.1:${server.port}`, 'null']) {
      const response = await fetch(`${base}/api/migrations`, { headers: { origin, ...bearer(readToken) } });
      expect(response.status, origin).toBe(403);
    }
    const viaLocalhost = await rawRequest(server.port, { path: '/api/migrations', headers: { host: `localhost:${server.port}`, ...bearer(readToken) } });
    expect(viaLocalhost.status).toBe(200);
  });
});

describe('startServer: the UI session', () => {
  it('swaps the printed ?token= for an HttpOnly SameSite=Strict cookie and redirects to a clean URL', async () => {
    expect(server.url).toBe(`${base}/?token=${server.uiToken}`);
    const response = await fetch(server.url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toContain(server.uiToken);

    const page = await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const asset = await fetch(`${base}/assets/app.js`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(asset.status).toBe(200);
  });

  it('keeps the page, assets, RPC and events closed without the cookie or with a wrong token', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(401);
    expect((await fetch(`${base}/events`)).status).toBe(401);
    expect((await fetch(`${base}/?token=wrong`, { redirect: 'manual' })).status).toBe(401);
    const call = await fetch(`${base}/rpc/migrations/status`, { method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(401);
    expect(await call.json()).toMatchObject({ ok: false, error: { code: 'auth-failed', hint: expect.stringContaining('token') } });
    const bearerOnly = await fetch(`${base}/rpc/migrations/status`, { method: 'POST', headers: { ...bearer(adminToken), origin: base, 'content-type': 'application/json' }, body: '{}' });
    expect(bearerOnly.status).toBe(401);
  });

  it('answers RPC calls with the cookie: values, invalid input and unknown channels as envelopes', async () => {
    const cookie = await openSession();
    const status = await rpc<{ pendingMigrations: string[] }>(cookie, 'migrations/status', {});
    expect(status).toMatchObject({ ok: true, value: { pendingMigrations: sampleNames } });
    expect(await rpc(cookie, 'migrations/run', { selection: { direction: 'sideways' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await rpc(cookie, 'migrations/drop-all', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const list = await rpc<{ connections: { id: string }[]; currentId: string }>(cookie, 'connections/list', {});
    expect(list).toMatchObject({ ok: true, value: { currentId: 'database-url' } });
    expect(JSON.stringify(list)).not.toContain(new URL(db.url).password);
  });

  it('refuses RPC without an Origin or from a foreign one, even with the cookie', async () => {
    const cookie = await openSession();
    const noOrigin = await fetch(`${base}/rpc/migrations/status`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(noOrigin.status).toBe(403);
    const foreign = await fetch(`${base}/rpc/migrations/status`, { method: 'POST', headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(foreign.status).toBe(403);
  });
});

describe('startServer: runs', () => {
  it('POST /api/migrations with the admin token applies every pending migration (seed shape)', async () => {
    const response = await fetch(`${base}/api/migrations`, { method: 'POST', headers: { ...bearer(adminToken), 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as MigrationRunResponse;
    expect(body).toMatchObject({ message: 'Migrations executed successfully', success: true });
    expect(body.results.map((r) => [r.name, r.direction, r.success])).toEqual(sampleNames.map((name) => [name, 'up', true]));
    for (const result of body.results) expect(Number.isNaN(Date.parse(result.timestamp))).toBe(false);
    const { rows } = await db.query<{ name: string }>('select name from pgmigrations order by id');
    expect(rows.map((row) => row.name)).toEqual(sampleNames);
  });

  it('streams a run\'s events over SSE, each with the run id', async () => {
    const cookie = await openSession();
    const stream = await fetch(`${base}/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    let run: RpcEnvelope<MigrationRunResponse> | undefined;
    const events = await readEvents<MigrationEvent>(
      stream.body as ReadableStream<Uint8Array>,
      (received) => received.some((event) => event.type === 'run-finished'),
      async () => {
        run = await rpc<MigrationRunResponse>(cookie, 'migrations/run', { selection: { direction: 'down', count: 1 } });
      },
    );
    expect(run).toMatchObject({ ok: true, value: { success: true } });
    const runIds = new Set(events.map((event) => event.runId));
    expect(runIds.size).toBe(1);
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['run-started', 'migration-started', 'migration-finished', 'run-finished']));
    expect(events.filter((event) => event.type === 'run-finished')).toHaveLength(1);
    expect(events).toContainEqual(expect.objectContaining({ type: 'migration-finished', name: sampleNames[2], direction: 'down' }));
  });

  it('refuses a second run while one is in progress in this process', async () => {
    const cookie = await openSession();
    // The SSE test left the third migration reverted: this run has real work, so it is still going when the second arrives.
    const outcomes = await Promise.all([1, 2].map(() => rpc(cookie, 'migrations/run', { selection: { direction: 'up' } })));
    const refused = outcomes.filter((outcome) => !outcome.ok);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(refused).toEqual([{ ok: false, error: expect.objectContaining({ code: 'lock-held', hint: expect.any(String) }) }]);
    const { rows } = await db.query<{ name: string }>('select name from pgmigrations order by id');
    expect(rows.map((row) => row.name)).toEqual(sampleNames);
  });
});

describe('startServer: limits and startup', () => {
  it('answers 429 with Retry-After past the rate limit, with a JSON body', async () => {
    const limited = await startServer({ dataDir: await tempDir('pgm-data-'), migrationsDir: sampleMigrations, databaseUrl: db.url, readToken, adminToken, rendererDir, rateLimit: { max: 3, timeWindowMs: 60_000 }, log: () => undefined });
    try {
      const url = `http://127.0.0.1:${limited.port}/api/migrations`;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(url, { headers: bearer(readToken) })).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await fetch(url, { headers: bearer(readToken) });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: { code: 'rate-limited', hint: expect.any(String) } });
      // Wrong tokens count per IP, in their own bucket: guessing cannot be spread over made-up tokens.
      const guesses: number[] = [];
      for (let i = 0; i < 4; i++) guesses.push((await fetch(url, { headers: bearer(`guess-number-${i}-of-many`) })).status);
      expect(guesses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses to start without a built renderer, with the build hint', async () => {
    await expect(startServer({ dataDir: await tempDir('pgm-data-'), rendererDir: await tempDir('pgm-empty-'), databaseUrl: db.url, log: () => undefined })).rejects.toMatchObject({
      code: 'not-found',
      hint: expect.stringContaining('npm run build'),
    });
  });

  it('generates distinct random tokens when none are given', async () => {
    const generated = await startServer({ dataDir: await tempDir('pgm-data-'), migrationsDir: sampleMigrations, databaseUrl: db.url, rendererDir, log: () => undefined });
    try {
      expect(generated.generatedTokens).toEqual({ read: true, admin: true });
      expect(generated.readToken).not.toBe(generated.adminToken);
      expect(generated.readToken.length).toBeGreaterThanOrEqual(32);
      const response = await fetch(`http://127.0.0.1:${generated.port}/api/migrations`, { method: 'POST', headers: bearer(generated.readToken) });
      expect(response.status).toBe(403);
    } finally {
      await generated.close();
    }
  });
});
