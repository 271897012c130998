import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { StudioError } from '../../contract/errors';
import { connectionStoreInTempFolder, textOfFilesUnder } from '../../test-support/tempConnectionStore';
import { openConnectionStore } from './index';

// A session bus address that leads nowhere: what a headless server or a broken desktop session looks like.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/pgm-studio-no-bus';

const temp = connectionStoreInTempFolder('pgm-studio-nokeychain-');
const password = 'N0-Keychain-Secret-Value';

const profile = { name: 'Prod', host: 'db.example.com', port: 5432, database: 'app', user: 'app', sslMode: 'require', environment: 'production', color: '#e03131' } as const;

describe('without a keychain', () => {
  it('save with a password fails fast as keychain-unavailable, with the session-only hint, and writes nothing', async () => {
    const started = Date.now();
    const error = await temp.store.save({ profile, password }).then(() => undefined, (e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('keychain-unavailable');
    expect((error as StudioError).hint).toContain('this session only');
    expect(JSON.stringify((error as StudioError).toJSON())).not.toContain(password);
    expect(await readdir(temp.dataDir)).toEqual([]);
  });

  it('importUrl with a password fails the same way, never echoing the password', async () => {
    const error = await temp.store.importUrl({ url: `postgres://app:${password}@db.example.com/app` }).then(() => undefined, (e: unknown) => e);
    expect((error as StudioError).code).toBe('keychain-unavailable');
    expect(JSON.stringify((error as StudioError).toJSON())).not.toContain(password);
    expect(await readdir(temp.dataDir)).toEqual([]);
  });

  it('list() says the keychain is unavailable; "this session only" still works', async () => {
    expect((await temp.store.list()).keychainAvailable).toBe(false);
    const saved = await temp.store.save({ profile, password, sessionOnly: true });
    expect(saved.passwordSource).toBe('session');
    expect((await temp.store.resolve(saved.id)).target.password).toBe(password);
    // A second process (a fresh store) does not have it: it was memory only.
    const other = await openConnectionStore({ dataDir: temp.dataDir, sandbox: false });
    expect((await other.list()).connections[0]?.passwordSource).toBe('none');
  });

  it('importUrl for this session only keeps the URL\'s password in memory, in one call, never on disk', async () => {
    const imported = await temp.store.importUrl({ url: `postgres://app:${password}@db.example.com/app`, sessionOnly: true });
    expect(imported.passwordSource).toBe('session');
    expect((await temp.store.resolve(imported.id)).target.password).toBe(password);
    expect(await textOfFilesUnder(temp.dataDir)).not.toContain(password);
  });
});
