import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioError } from '../../contract/errors';
import { openConnectionStore, type ConnectionStore } from './index';

// A session bus address that leads nowhere: what a headless server or a broken desktop session looks like.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/pgm-studio-no-bus';

let dataDir: string;
let store: ConnectionStore;
const password = 'N0-Keychain-Secret-Value';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-nokeychain-'));
  store = await openConnectionStore({ dataDir, sandbox: false });
});
afterAll(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const profile = { name: 'Prod', host: 'db.example.com', port: 5432, database: 'app', user: 'app', sslMode: 'require', environment: 'production', color: '#e03131' } as const;

describe('without a keychain', () => {
  it('save with a password fails fast as keychain-unavailable, with the session-only hint, and writes nothing', async () => {
    const started = Date.now();
    const error = await store.save({ profile, password }).then(() => undefined, (e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('keychain-unavailable');
    expect((error as StudioError).hint).toContain('this session only');
    expect(JSON.stringify((error as StudioError).toJSON())).not.toContain(password);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('importUrl with a password fails the same way, never echoing the password', async () => {
    const error = await store.importUrl({ url: `postgres://app:${password}@db.example.com/app` }).then(() => undefined, (e: unknown) => e);
    expect((error as StudioError).code).toBe('keychain-unavailable');
    expect(JSON.stringify((error as StudioError).toJSON())).not.toContain(password);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('list() says the keychain is unavailable; "this session only" still works', async () => {
    expect((await store.list()).keychainAvailable).toBe(false);
    const saved = await store.save({ profile, password, sessionOnly: true });
    expect(saved.passwordSource).toBe('session');
    expect((await store.resolve(saved.id)).target.password).toBe(password);
    // A second process (a fresh store) does not have it: it was memory only.
    const other = await openConnectionStore({ dataDir, sandbox: false });
    expect((await other.list()).connections[0]?.passwordSource).toBe('none');
  });
});
