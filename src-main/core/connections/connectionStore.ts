import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import type { ConnectionList, ConnectionProfile, ConnectionSummary, ConnectionTestResult, saveConnectionInputSchema, testConnectionInputSchema } from '../../contract';
import { StudioError } from '../../contract/errors';
import { databaseTargetFor, parseConnectionUrl, type DatabaseTarget } from '../database';
import { openKeychain, SessionSecrets } from '../secrets';
import { testConnection } from './connectionTest';
import { environmentColors } from './environmentColors';
import type { ConnectionStore, ConnectionStoreOptions } from './connectionStoreApi';
import { ProfilePasswords } from './profilePasswords';
import { readProfilesFile, writeProfilesFile, type ProfilesFile, type StoredConnection } from './profilesFile';
import { SandboxConnection, sandboxId } from './sandboxConnection';

type SaveInput = z.output<typeof saveConnectionInputSchema>;
type TestInput = z.output<typeof testConnectionInputSchema>;

function notFound(id: string): StudioError {
  return new StudioError('not-found', `No saved connection has the id "${id}".`, { hint: 'List the connections and pick one of their ids, or save a new connection.' });
}

/** Profiles in <dataDir>/connections.json, passwords in the OS keychain, the sandbox in <dataDir>/sandbox (started on first use). */
export async function openConnectionStore(options: ConnectionStoreOptions): Promise<ConnectionStore> {
  const { dataDir } = options;
  const sandboxEnabled = options.sandbox !== false;
  const passwords = new ProfilePasswords(openKeychain(), new SessionSecrets());
  const sandbox = sandboxEnabled ? new SandboxConnection({ dataDir, onProgress: options.onProgress, onLog: options.onLog }) : undefined;
  // Fail at open, not at first use, when connections.json is damaged.
  await readProfilesFile(dataDir);

  // Read-modify-write of connections.json, one at a time within this process.
  let queue: Promise<unknown> = Promise.resolve();
  function mutate<T>(change: (file: ProfilesFile) => Promise<T>): Promise<T> {
    const run = queue.then(async () => change(await readProfilesFile(dataDir)));
    queue = run.catch(() => undefined);
    return run;
  }

  function summaryOf(stored: StoredConnection): ConnectionSummary {
    return { ...stored.profile, passwordSource: passwords.sourceFor(stored), isSandbox: false, project: stored.project ?? null };
  }

  function currentIdOf(file: ProfilesFile): string | null {
    const known = (id: string | null) => id !== null && (id === sandboxId ? sandboxEnabled : file.connections.some((c) => c.profile.id === id));
    if (known(file.currentId)) return file.currentId;
    // Saving a connection never makes it current by itself: the operator selects it. Until then the
    // sandbox stays current (without a sandbox, nothing is).
    return sandboxEnabled ? sandboxId : null;
  }

  async function saved(): Promise<ConnectionSummary[]> {
    return (await readProfilesFile(dataDir)).connections.map(summaryOf);
  }

  async function list(): Promise<ConnectionList> {
    const file = await readProfilesFile(dataDir);
    const connections = file.connections.map(summaryOf);
    if (sandbox) connections.push(await sandbox.summary());
    return { connections, currentId: currentIdOf(file), keychainAvailable: await passwords.keychainAvailable() };
  }

  async function save(input: SaveInput, project?: string): Promise<ConnectionSummary> {
    const id = input.profile.id ?? randomUUID();
    if (id === sandboxId) throw new StudioError('invalid-input', 'The built-in sandbox cannot be edited.', { hint: 'Save your own connection under a new name instead.' });
    const profile: ConnectionProfile = { ...input.profile, id };
    return mutate(async (file) => {
      const existing = file.connections.find((c) => c.profile.id === id);
      // The secret goes first: if the keychain is unavailable, nothing reaches the disk.
      const passwordInKeychain = await passwords.store(id, input.password, input.sessionOnly === true, existing?.passwordInKeychain ?? false);
      const owner = existing ? existing.project : project;
      const stored: StoredConnection = { profile, passwordInKeychain, ...(owner ? { project: owner } : {}) };
      const next = { ...file, connections: existing ? file.connections.map((c) => (c === existing ? stored : c)) : [...file.connections, stored] };
      try {
        await writeProfilesFile(dataDir, next);
      } catch (error) {
        if (!existing && passwordInKeychain) await passwords.forget(id, true).catch(() => undefined);
        throw error;
      }
      return summaryOf(stored);
    });
  }

  async function remove(id: string): Promise<{ deleted: boolean }> {
    if (id === sandboxId) throw new StudioError('invalid-input', 'The built-in sandbox cannot be deleted.', { hint: 'Select another connection instead; the sandbox is only the default while nothing else is configured.' });
    return mutate(async (file) => {
      const existing = file.connections.find((c) => c.profile.id === id);
      if (!existing) return { deleted: false };
      await passwords.forget(id, existing.passwordInKeychain);
      await writeProfilesFile(dataDir, {
        ...file,
        currentId: file.currentId === id ? null : file.currentId,
        connections: file.connections.filter((c) => c !== existing),
      });
      return { deleted: true };
    });
  }

  async function importUrl(input: Parameters<ConnectionStore['importUrl']>[0], project?: string): Promise<ConnectionSummary> {
    const { password, ...endpoint } = parseConnectionUrl(input.url);
    const environment = input.environment ?? 'development';
    const name = (input.name ?? `${endpoint.user}@${endpoint.host}/${endpoint.database}`).slice(0, 100);
    return save({ profile: { ...endpoint, name, environment, color: environmentColors[environment] }, ...(password ? { password } : {}), ...(input.sessionOnly ? { sessionOnly: true } : {}) }, project);
  }

  async function select(id: string): Promise<ConnectionList> {
    await mutate(async (file) => {
      const known = id === sandboxId ? sandboxEnabled : file.connections.some((c) => c.profile.id === id);
      if (!known) throw notFound(id);
      await writeProfilesFile(dataDir, { ...file, currentId: id });
    });
    return list();
  }

  async function resolve(id?: string): Promise<{ profile: ConnectionSummary; target: DatabaseTarget }> {
    const file = await readProfilesFile(dataDir);
    const wanted = id ?? currentIdOf(file);
    if (wanted === null && file.connections.length > 0) {
      throw new StudioError('not-found', 'No connection is selected.', { hint: 'Select one of the saved connections (the connection switcher, or "Use" in the connections list).' });
    }
    if (wanted === null) {
      throw new StudioError('not-found', 'No connection is configured.', { hint: 'Add a connection (or import a DATABASE_URL), or enable the built-in sandbox.' });
    }
    if (wanted === sandboxId && sandbox) return sandbox.resolve();
    const stored = file.connections.find((c) => c.profile.id === wanted);
    if (!stored) throw notFound(wanted);
    const password = await passwords.lookup(stored);
    return { profile: summaryOf(stored), target: await databaseTargetFor(stored.profile, password) };
  }

  async function test(input: TestInput): Promise<ConnectionTestResult> {
    if (!input.profile) return testConnection((await resolve(input.id)).target, input.schema);
    // Testing unsaved settings: the typed password, else the one saved for this id.
    let password = input.password;
    if (password === undefined && input.id) {
      const stored = (await readProfilesFile(dataDir)).connections.find((c) => c.profile.id === input.id);
      if (stored) password = await passwords.lookup(stored);
    }
    return testConnection(await databaseTargetFor(input.profile, password), input.schema);
  }

  return { list, saved, save, delete: remove, importUrl, select, test, resolve, close: async () => sandbox?.close() };
}
