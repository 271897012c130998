import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../contract';
import { StudioError } from '../../contract/errors';
import { textOfFilesUnder } from '../../test-support/tempConnectionStore';
import { adminDatabaseUrl, createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { freePort } from '../sandbox/embeddedServer';
import { openConnectionStore, type ConnectionStore } from './index';

let db: TestDatabase;
let dataDir: string;
let store: ConnectionStore;
let server: { host: string; port: number; user: string; password: string };
const limitedRole = `pgm_limited_${Math.random().toString(16).slice(2, 8)}`;
const limitedPassword = 'Lim1ted-Secret-Passw0rd';

function profileFor(database: string, overrides: Partial<ConnectionProfile> = {}): Omit<ConnectionProfile, 'id'> {
  return { name: 'Course Tracker', host: server.host, port: server.port, database, user: server.user, sslMode: 'disable', environment: 'development', color: '#2f9e44', ...overrides };
}

async function failureOf(work: Promise<unknown>): Promise<StudioError> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StudioError);
  return error as StudioError;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const url = new URL(db.url);
  server = { host: url.hostname, port: Number(url.port), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  await db.query(`create role ${limitedRole} login password '${limitedPassword}'`);
  dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-connections-'));
  store = await openConnectionStore({ dataDir, sandbox: false });
});

afterAll(async () => {
  await store?.close();
  await db?.drop();
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`drop role if exists ${limitedRole}`);
  await admin.end();
  await rm(dataDir, { recursive: true, force: true });
});

describe('connection store against a real PostgreSQL', () => {
  it('save, list, select, resolve and delete round trip (password for this session only)', async () => {
    const saved = await store.save({ profile: profileFor(db.name), password: server.password, sessionOnly: true });
    expect(saved).toMatchObject({ name: 'Course Tracker', passwordSource: 'session', isSandbox: false });

    const listed = await store.list();
    expect(listed.connections.map((c) => c.id)).toEqual([saved.id]);
    // Saved is not selected: the operator chooses (see the test below).
    expect(listed.currentId).toBeNull();
    expect((await store.select(saved.id)).currentId).toBe(saved.id);

    const second = await store.save({ profile: profileFor(db.name, { name: 'Other', environment: 'staging', color: '#f08c00' }) });
    expect((await store.select(second.id)).currentId).toBe(second.id);
    // The choice is persisted: a fresh store on the same folder sees it.
    const reopened = await openConnectionStore({ dataDir, sandbox: false });
    expect((await reopened.list()).currentId).toBe(second.id);
    await store.select(saved.id);

    const { profile, target } = await store.resolve();
    expect(profile.id).toBe(saved.id);
    expect(target).toMatchObject({ host: server.host, port: server.port, database: db.name, user: server.user, password: server.password, application_name: 'pgm-studio' });
    const client = new pg.Client(target);
    await client.connect();
    const { rows } = await client.query<{ app: string; db: string }>("select current_setting('application_name') as app, current_database() as db");
    await client.end();
    expect(rows[0]).toEqual({ app: 'pgm-studio', db: db.name });

    // The password never reaches the data folder.
    expect(await textOfFilesUnder(dataDir)).not.toContain(server.password);

    expect(await store.delete(second.id)).toEqual({ deleted: true });
    expect(await store.delete(second.id)).toEqual({ deleted: false });
    expect((await failureOf(store.resolve(second.id))).code).toBe('not-found');
    expect((await failureOf(store.select('no-such-id'))).code).toBe('not-found');
  });

  it('saving the first connection does not make it current: the sandbox stays current until the operator selects one', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pgm-studio-first-save-'));
    // list() never starts the sandbox, so this needs no sandbox server.
    const withSandbox = await openConnectionStore({ dataDir: folder, sandbox: true });
    const first = await withSandbox.save({ profile: profileFor(db.name, { name: 'First', environment: 'production', color: '#e03131' }) });
    expect((await withSandbox.list()).currentId).toBe('sandbox');
    expect((await withSandbox.select(first.id)).currentId).toBe(first.id);
    await withSandbox.close();

    const noSandboxFolder = await mkdtemp(join(tmpdir(), 'pgm-studio-first-save-'));
    const withoutSandbox = await openConnectionStore({ dataDir: noSandboxFolder, sandbox: false });
    await withoutSandbox.save({ profile: profileFor(db.name, { name: 'First' }) });
    expect((await withoutSandbox.list()).currentId).toBeNull();
    const unselected = await failureOf(withoutSandbox.resolve());
    expect(unselected).toMatchObject({ code: 'not-found', message: 'No connection is selected.', hint: expect.stringContaining('Select') });
    await Promise.all([folder, noSandboxFolder].map((path) => rm(path, { recursive: true, force: true })));
  });

  it('importUrl creates a profile named user@host/db with the environment color', async () => {
    const imported = await store.importUrl({ url: `postgresql://${limitedRole}@${server.host}:${server.port}/${db.name}?sslmode=disable`, environment: 'production' });
    expect(imported).toMatchObject({
      name: `${limitedRole}@${server.host}/${db.name}`, host: server.host, port: server.port, database: db.name, user: limitedRole,
      sslMode: 'disable', environment: 'production', color: '#e03131', passwordSource: 'none',
    });
    expect((await store.list()).connections.some((c) => c.id === imported.id)).toBe(true);
    const invalid = await failureOf(store.importUrl({ url: 'mysql://root:Sup3rSecret@h/d' }));
    expect(invalid.code).toBe('invalid-input');
    expect(JSON.stringify(invalid)).not.toContain('Sup3rSecret');
  });

  it('test() reports version, user, schema and the CREATE privilege', async () => {
    const asOwner = await store.test({ profile: profileFor(db.name), password: server.password });
    expect(asOwner).toMatchObject({ currentUser: server.user, schema: 'public', canCreateInSchema: true });
    expect(asOwner.serverVersion).toMatch(/^1[5-9]/);

    // PostgreSQL 15 no longer lets every role create in public.
    const limited = await store.test({ profile: profileFor(db.name, { user: limitedRole }), password: limitedPassword });
    expect(limited).toMatchObject({ currentUser: limitedRole, schema: 'public', canCreateInSchema: false });
    await db.query(`create schema app authorization ${limitedRole}`);
    expect(await store.test({ profile: profileFor(db.name, { user: limitedRole }), password: limitedPassword, schema: 'app' })).toMatchObject({ schema: 'app', canCreateInSchema: true });
  });

  it('test() of a saved connection uses its stored password', async () => {
    const saved = await store.save({ profile: profileFor(db.name, { name: 'Saved' }), password: server.password, sessionOnly: true });
    expect(await store.test({ id: saved.id })).toMatchObject({ currentUser: server.user });
  });

  it('a wrong password is auth-failed, without the password anywhere in the error', async () => {
    const wrong = 'Wr0ng-Password-xyzzy';
    const error = await failureOf(store.test({ profile: profileFor(db.name), password: wrong }));
    expect(error.code).toBe('auth-failed');
    expect(error.hint).toBeTruthy();
    expect(JSON.stringify(error.toJSON())).not.toContain(wrong);
    expect(`${error.message} ${error.hint}`).not.toContain(server.password);
  });

  it('an unreachable port is connection-failed with a hint naming host:port', async () => {
    const port = await freePort();
    const error = await failureOf(store.test({ profile: profileFor(db.name, { host: '127.0.0.1', port }), password: 'Unused-Secret-123' }));
    expect(error.code).toBe('connection-failed');
    expect(error.hint).toContain(`127.0.0.1:${port}`);
    expect(JSON.stringify(error.toJSON())).not.toContain('Unused-Secret-123');
  });

  it('sslmode prefer connects with or without TLS; require on a server without TLS says which mode to pick', async () => {
    expect(await store.test({ profile: profileFor(db.name, { sslMode: 'prefer' }), password: server.password })).toMatchObject({ currentUser: server.user });
    // The embedded test server has no TLS (a TEST_DATABASE_URL server may): the TLS side runs in core/database/tls.int.test.ts on a TLS cluster.
    const serverHasTls = (await db.query<{ ssl: string }>('show ssl')).rows[0]?.ssl === 'on';
    const requireTls = store.test({ profile: profileFor(db.name, { sslMode: 'require' }), password: server.password });
    if (serverHasTls) {
      expect(await requireTls).toMatchObject({ currentUser: server.user });
    } else {
      const error = await failureOf(requireTls);
      expect(error.code).toBe('connection-failed');
      expect(error.hint).toMatch(/SSL mode/);
    }
  });

  it('an unknown database says how to create it', async () => {
    const error = await failureOf(store.test({ profile: profileFor('no_such_database_here'), password: server.password }));
    expect(error.code).toBe('connection-failed');
    expect(error.message).toContain('no_such_database_here');
    expect(error.hint).toContain('createdb');
  });

  it('a damaged connections.json is a clear error, not a silent reset', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pgm-studio-damaged-'));
    await writeFile(join(folder, 'connections.json'), '{ "version": 1, "connections": [ {');
    const error = await failureOf(openConnectionStore({ dataDir: folder, sandbox: false }));
    expect(error.code).toBe('invalid-input');
    expect(error.hint).toContain('connections.json.bak');
    expect(await readFile(join(folder, 'connections.json'), 'utf8')).toContain('"version": 1');
    await rm(folder, { recursive: true, force: true });
  });
});
