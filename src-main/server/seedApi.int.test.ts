import { cp, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnectionStore } from '../core/connections';
import { freePort } from '../core/sandbox/embeddedServer';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { rawRequest } from './serverTestClient';
import { startServer, type RunningServer } from './startServer';
import { tempFolders } from '../test-support/tempFolders';

// POST /api/migrations reads its body: the seed's body-less POST, a validated JSON body, nothing else.
const sampleMigrations = fileURLToPath(new URL('../../migrations', import.meta.url));
const [first, second, third] = ['1734567890000_initial_database_setup', '1734567890001_episode_notes_favorites', '1734567890002_add_user_preferences'];
const readToken = 'read-token-for-the-seed-api-test';
const adminToken = 'admin-token-for-the-seed-api-test';

let db: TestDatabase;
let server: RunningServer;
let api: string;
let migrationsDir: string;
let dataDir: string;
let rendererDir: string;
const tempDir = tempFolders();

/** What pgmigrations holds, in run order ([] while the table does not exist). */
async function applied(): Promise<string[]> {
  const { rows } = await db.query<{ exists: string | null }>("select to_regclass('public.pgmigrations') as exists");
  if (!rows[0]?.exists) return [];
  return (await db.query<{ name: string }>('select name from pgmigrations order by run_on, id')).rows.map((r) => r.name);
}

function post(body?: string, contentType: string | null = 'application/json', url = api) {
  const headers: Record<string, string> = { authorization: `Bearer ${adminToken}` };
  if (contentType) headers['content-type'] = contentType;
  return fetch(url, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
}

beforeAll(async () => {
  db = await createTestDatabase();
  migrationsDir = await tempDir('pgm-seed-api-migrations-');
  await cp(sampleMigrations, migrationsDir, { recursive: true });
  dataDir = await tempDir('pgm-seed-api-data-');
  rendererDir = await tempDir('pgm-seed-api-renderer-');
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>PGM Studio</title>');
  server = await startServer({ dataDir, migrationsDir, databaseUrl: db.url, readToken, adminToken, rendererDir, rateLimit: { max: 1000 }, log: () => undefined });
  api = `http://127.0.0.1:${server.port}/api/migrations`;
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe('POST /api/migrations reads and validates its body', () => {
  it('a body it does not understand is 400 with code, message and hint, and nothing runs', async () => {
    const refused: [string, string | null][] = [
      ['{"action":"down"}', 'application/json'],
      ['{"action":"explode"}', 'application/json'],
      ['{"count":-1}', 'application/json'],
      ['[1,2]', 'application/json'],
      ['null', 'application/json'],
      ['"down"', 'application/json'],
      ['{}', 'application/json'],
      ['{"direction":"sideways"}', 'application/json'],
      ['{"direction":"up","count":"1"}', 'application/json'],
      ['{"direction":"up","count":1,"to":"' + first + '"}', 'application/json'],
      ['{"direction":"down","extra":true}', 'application/json'],
      ['{"direction":', 'application/json'],
      ['{"direction":"down"}', 'text/plain'],
      ['direction=down', 'application/x-www-form-urlencoded'],
    ];
    for (const [body, contentType] of refused) {
      const response = await post(body, contentType);
      expect(response.status, `${contentType}: ${body}`).toBe(400);
      const answer = (await response.json()) as { error: { message: string } };
      expect(answer, body).toEqual({ error: { code: 'invalid-input', message: expect.any(String), hint: expect.any(String) } });
      expect(answer.error.message, body).not.toContain('..');
    }
    // fetch always names a string body's type: a body without any Content-Type needs a raw request.
    const untyped = await rawRequest(server.port, { method: 'POST', path: '/api/migrations', headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${adminToken}` }, body: '{"direction":"down"}' });
    expect(untyped.status).toBe(400);
    expect(JSON.parse(untyped.body)).toMatchObject({ error: { code: 'invalid-input', hint: expect.any(String) } });
    expect(await applied()).toEqual([]);
  });

  it('a body-less POST (with or without Content-Type: application/json) runs every pending migration up, in the seed shape', async () => {
    const response = await post(undefined, null);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      results: [first, second, third].map((name) => ({ name, direction: 'up', timestamp: expect.any(String), success: true, durationMs: expect.any(Number) })),
      message: 'Migrations executed successfully',
      success: true,
    });
    expect(await applied()).toEqual([first, second, third]);
    expect((await post(undefined, 'application/json')).status).toBe(200);
  });

  it('{"direction":"down"} reverts exactly the last applied migration', async () => {
    const response = await post('{"direction":"down"}');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ results: [{ name: third, direction: 'down', success: true }], success: true });
    expect(await applied()).toEqual([first, second]);
  });

  it('takes count and to as the contract defines them; an unknown migration is 400', async () => {
    expect((await post(JSON.stringify({ direction: 'down', to: first }))).status).toBe(200);
    expect(await applied()).toEqual([first]);
    expect((await post(JSON.stringify({ direction: 'up', count: 1 }))).status).toBe(200);
    expect(await applied()).toEqual([first, second]);
    const unknown = await post(JSON.stringify({ direction: 'up', to: '1734567899999_no_such_migration' }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not-found', hint: expect.any(String) } });
    expect(await applied()).toEqual([first, second]);
  });
});

describe('POST /api/migrations on a production database', () => {
  it('is refused with 409 without "confirm" (or with a wrong one), and runs with the database name', async () => {
    // A saved production connection with the host, port and database of the server's --database-url.
    const store = await openConnectionStore({ dataDir, sandbox: false });
    const url = new URL(db.url);
    await store.save({ profile: { name: 'Course Tracker production', host: url.hostname, port: Number(url.port || 5432), database: db.name, user: decodeURIComponent(url.username), sslMode: 'disable', environment: 'production', color: '#e03131' } });
    await store.close();

    for (const body of [undefined, '{"direction":"up"}', JSON.stringify({ direction: 'down', confirm: `${db.name}_prod` })]) {
      const refused = await post(body);
      expect(refused.status, body).toBe(409);
      expect(await refused.json()).toEqual({ error: { code: 'confirmation-required', message: expect.stringContaining(db.name), hint: expect.stringContaining(`"confirm": "${db.name}"`), detail: expect.anything() } });
    }
    expect(await applied()).toEqual([first, second]);

    const confirmed = await post(JSON.stringify({ direction: 'up', confirm: db.name }));
    expect(confirmed.status).toBe(200);
    expect(await applied()).toEqual([first, second, third]);
  });
});

describe('the seed API\'s 500', () => {
  it('a migration that fails: 500 with results, message, success false and the failure; nothing recorded', async () => {
    const broken = '1734567890003_broken_step';
    await writeFile(join(migrationsDir, `${broken}.js`), "exports.up = (pgm) => { pgm.sql('select * from no_such_table'); };\nexports.down = () => {};\n");
    try {
      const response = await post(JSON.stringify({ direction: 'up', confirm: db.name }));
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body).toEqual({ results: expect.any(Array), message: expect.stringContaining(broken), success: false, failure: expect.objectContaining({ migration: broken, pgCode: '42P01' }) });
      expect(await applied()).toEqual([first, second, third]);
    } finally {
      await unlink(join(migrationsDir, `${broken}.js`));
    }
  });

  it('an unreachable database: GET and POST answer 500 with the error and its hint, no password', async () => {
    const url = new URL(db.url);
    url.port = String(await freePort());
    const down = await startServer({ dataDir: await tempDir('pgm-seed-api-data-'), migrationsDir, databaseUrl: url.toString(), readToken, adminToken, rendererDir, log: () => undefined });
    try {
      const status = await fetch(`http://127.0.0.1:${down.port}/api/migrations`, { headers: { authorization: `Bearer ${readToken}` } });
      expect(status.status).toBe(500);
      const statusText = await status.text();
      expect(JSON.parse(statusText)).toEqual({ error: expect.objectContaining({ code: 'connection-failed', message: expect.any(String), hint: expect.any(String) }) });

      const run = await post(undefined, null, `http://127.0.0.1:${down.port}/api/migrations`);
      expect(run.status).toBe(500);
      const runText = await run.text();
      expect(JSON.parse(runText)).toEqual({ results: [], message: expect.any(String), success: false, error: expect.objectContaining({ code: 'connection-failed', hint: expect.any(String) }) });
      const password = decodeURIComponent(url.password);
      if (password) for (const text of [statusText, runText]) expect(text).not.toContain(password);
    } finally {
      await down.close();
    }
  });
});
