import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnectionStore, type ConnectionStore } from '../connections';
import { clusterDirFor, findRunningCluster, sandboxDatabase, sandboxDirFor, startSandbox } from './index';

// This file starts its own embedded cluster (a few seconds) in an empty data folder, as a first launch does.
let dataDir: string;
let first: ConnectionStore | undefined;
let second: ConnectionStore | undefined;
const progress: string[] = [];

async function selectOne(target: pg.ClientConfig): Promise<{ one: number; db: string }> {
  const client = new pg.Client(target);
  await client.connect();
  try {
    return (await client.query<{ one: number; db: string }>('select 1 as one, current_database() as db')).rows[0]!;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-sandbox-'));
  // Under root the server runs as the postgres user, which must be able to enter this folder.
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  await second?.close();
  await first?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('sandbox', () => {
  it('is the default connection on an empty data folder, started lazily and shared between stores', async () => {
    first = await openConnectionStore({ dataDir, onProgress: (message) => progress.push(message) });
    const listed = await first.list();
    expect(listed.currentId).toBe('sandbox');
    expect(listed.connections).toEqual([expect.objectContaining({ id: 'sandbox', name: 'Sandbox (built-in)', isSandbox: true, passwordSource: 'sandbox', environment: 'development', database: 'course_tracker' })]);
    // Listing does not pay for a server start.
    expect(existsSync(clusterDirFor(dataDir))).toBe(false);

    const { profile, target } = await first.resolve();
    expect(profile).toMatchObject({ id: 'sandbox', isSandbox: true, host: '127.0.0.1' });
    expect(await selectOne(target)).toEqual({ one: 1, db: 'course_tracker' });
    expect(progress.some((line) => line.includes('first run'))).toBe(true);
    expect((await stat(join(sandboxDirFor(dataDir), 'credentials'))).mode & 0o777).toBe(0o600);
    expect(await first.test({})).toMatchObject({ currentUser: 'postgres', canCreateInSchema: true });

    // A second process on the same folder (here: a second store) reuses the running server.
    const running = await findRunningCluster(clusterDirFor(dataDir));
    expect(running?.port).toBe(target.port);
    second = await openConnectionStore({ dataDir });
    const shared = await second.resolve('sandbox');
    expect(shared.target.port).toBe(target.port);
    expect((await findRunningCluster(clusterDirFor(dataDir)))?.pid).toBe(running?.pid);
    // It did not start the server, so closing it leaves the server up.
    await second.close();
    expect(await selectOne(target)).toEqual({ one: 1, db: 'course_tracker' });

    // The store that started it stops it.
    await first.close();
    expect(await findRunningCluster(clusterDirFor(dataDir))).toBeUndefined();
    await expect(selectOne({ ...target, connectionTimeoutMillis: 3_000 })).rejects.toThrow();
  });

  it('stays current when another connection is saved (the operator chooses), and moves off a taken port', async () => {
    const credentials = JSON.parse(await readFile(join(sandboxDirFor(dataDir), 'credentials'), 'utf8')) as { port: number };
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(credentials.port, '127.0.0.1', resolve));
    const messages: string[] = [];
    const store = await openConnectionStore({ dataDir, onProgress: (message) => messages.push(message) });
    const saved = await store.save({ profile: { name: 'Local', host: '127.0.0.1', port: 5432, database: 'app', user: 'app', sslMode: 'disable', environment: 'development', color: '#2f9e44' } });
    const listed = await store.list();
    expect(listed.connections.map((c) => c.id)).toEqual([saved.id, 'sandbox']);
    // Saving a connection does not silently switch to it: the operator selects it.
    expect(listed.currentId).toBe('sandbox');
    expect((await store.select(saved.id)).currentId).toBe(saved.id);
    expect((await store.select('sandbox')).currentId).toBe('sandbox');
    await expect(store.delete('sandbox')).rejects.toMatchObject({ code: 'invalid-input' });

    const { target } = await store.resolve();
    expect(target.port).not.toBe(credentials.port);
    expect(await selectOne(target)).toEqual({ one: 1, db: 'course_tracker' });
    expect(messages.some((line) => line.includes(`Port ${credentials.port} is taken`))).toBe(true);
    await store.close();
    squatter.close();
  });
});

describe('sandbox under a strict umask', () => {
  it('starts with umask 077 (root: the postgres user can still reach the cluster and read the initdb password file)', async () => {
    const strictDir = join(dataDir, 'strict-umask');
    const previous = process.umask(0o077);
    let server: Awaited<ReturnType<typeof startSandbox>> | undefined;
    try {
      server = await startSandbox({ dataDir: strictDir });
    } finally {
      process.umask(previous);
    }
    try {
      const { user, password } = server.credentials;
      expect(await selectOne({ host: '127.0.0.1', port: server.port, user, password, database: sandboxDatabase })).toEqual({ one: 1, db: sandboxDatabase });
    } finally {
      await server.stop();
    }
  });
});
