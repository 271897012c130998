import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { connectionStoreInTempFolder, textOfFilesUnder } from '../../test-support/tempConnectionStore';
import { openConnectionStore } from './index';

// Runs against a real Secret Service: `bash scripts/with-keyring.sh npx vitest run --project keychain`.
const temp = connectionStoreInTempFolder('pgm-studio-keychain-');
const password = `Keyring-Secret-${Math.random().toString(36).slice(2)}`;
const dataFolderText = () => textOfFilesUnder(temp.dataDir);

describe('passwords in the OS keychain (gnome-keyring over D-Bus)', () => {
  it('save -> keychain holds it under pgm-studio -> resolve returns it -> not on disk -> delete removes it', async () => {
    expect((await temp.store.list()).keychainAvailable).toBe(true);
    const saved = await temp.store.save({
      profile: { name: 'Staging', host: 'db.staging.example.com', port: 5432, database: 'app', user: 'app', sslMode: 'disable', environment: 'staging', color: '#f08c00' },
      password,
    });
    expect(saved.passwordSource).toBe('keychain');
    expect(await keytar.getPassword('pgm-studio', saved.id)).toBe(password);

    // A fresh store (another process, in effect) reads it back from the keychain.
    const reopened = await openConnectionStore({ dataDir: temp.dataDir, sandbox: false });
    expect((await reopened.resolve(saved.id)).target.password).toBe(password);
    expect(await dataFolderText()).toContain('db.staging.example.com');
    expect(await dataFolderText()).not.toContain(password);

    expect(await temp.store.delete(saved.id)).toEqual({ deleted: true });
    expect(await keytar.getPassword('pgm-studio', saved.id)).toBeNull();
  });

  it('importUrl puts the URL\'s password in the keychain; an empty password removes it', async () => {
    const imported = await temp.store.importUrl({ url: `postgres://ada:${encodeURIComponent(password + '@/')}@db.example.com:6543/tracker` });
    expect(imported).toMatchObject({ name: 'ada@db.example.com/tracker', passwordSource: 'keychain' });
    expect(await keytar.getPassword('pgm-studio', imported.id)).toBe(`${password}@/`);
    expect(await dataFolderText()).not.toContain(password);

    const { id: _id, passwordSource: _source, isSandbox: _sandbox, project: _project, ...profile } = imported;
    expect((await temp.store.save({ profile: { ...profile, id: imported.id }, password: '' })).passwordSource).toBe('none');
    expect(await keytar.getPassword('pgm-studio', imported.id)).toBeNull();
    await temp.store.delete(imported.id);
  });
});
