import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type pg from 'pg';
import { StudioError } from '../../contract/errors';
import { applicationName, connect, type DatabaseTarget } from '../database';
import { clusterLocation, clusterReachableByPostgresUser, mkdirEnterable } from './clusterAccess';
import { findRunningCluster, isProcessAlive, type RunningCluster } from './runningCluster';
import { credentialsPath, newSandboxCredentials, readSandboxCredentials, writeSandboxCredentials, type SandboxCredentials } from './sandboxCredentials';

export const sandboxDatabase = 'course_tracker';

export interface SandboxServer {
  port: number;
  credentials: SandboxCredentials;
  /** True when this process started the server (and so stops it on close). */
  startedHere: boolean;
  stop(): Promise<void>;
}

export interface SandboxStartOptions {
  dataDir: string;
  onProgress?: (message: string) => void;
  onLog?: (line: string) => void;
}

export function sandboxDirFor(dataDir: string): string {
  return join(dataDir, 'sandbox');
}
export function clusterDirFor(dataDir: string): string {
  return clusterLocation(join(sandboxDirFor(dataDir), 'cluster'), dataDir);
}

/** The sandbox's port as far as it is known without starting anything (for list()). */
export async function knownSandboxPort(dataDir: string): Promise<number | undefined> {
  const running = await findRunningCluster(clusterDirFor(dataDir));
  if (running) return running.port;
  return (await readSandboxCredentials(sandboxDirFor(dataDir)).catch(() => undefined))?.port;
}

/**
 * Reuse the sandbox server another process runs on this data folder (the desktop app and the
 * CLI share one), or start it: initdb on first use, then PostgreSQL on 127.0.0.1.
 */
export async function startSandbox(options: SandboxStartOptions): Promise<SandboxServer> {
  const progress = options.onProgress ?? (() => undefined);
  const sandboxDir = sandboxDirFor(options.dataDir);
  const clusterDir = clusterDirFor(options.dataDir);
  await mkdirEnterable(sandboxDir);
  await mkdirEnterable(dirname(clusterDir));
  await clusterReachableByPostgresUser(clusterDir);
  const credentials = await sandboxCredentialsFor(sandboxDir, clusterDir);

  const running = await findRunningCluster(clusterDir);
  if (running) return reuse(running, credentials, progress);

  const { startEmbeddedServer, freePort, EmbeddedServerStartError } = await import('./embeddedServer');
  progress(existsSync(join(clusterDir, 'PG_VERSION'))
    ? `Starting the sandbox PostgreSQL in ${clusterDir}…`
    : `Creating the sandbox PostgreSQL cluster in ${clusterDir} (first run only, this takes a few seconds)…`);
  let port = credentials.port;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const server = await startEmbeddedServer({ dataDir: clusterDir, port, user: credentials.user, password: credentials.password, onLog: options.onLog });
      progress(`Sandbox PostgreSQL is running on 127.0.0.1:${port}.`);
      await ensureSandboxDatabase(port, credentials);
      return { port, credentials, startedHere: true, stop: () => server.stop() };
    } catch (error) {
      // Another process may have won the race to start it: use that one.
      const winner = await findRunningCluster(clusterDir);
      if (winner) return reuse(winner, credentials, progress);
      const log = error instanceof EmbeddedServerStartError ? error.log : '';
      if (attempt === 1 && /address already in use|could not bind|could not create any TCP\/IP sockets/i.test(log)) {
        progress(`Port ${port} is taken; starting the sandbox on another port…`);
        port = await freePort();
        await writeSandboxCredentials(sandboxDir, { ...credentials, port });
        continue;
      }
      throw sandboxStartError(clusterDir, port, error, log);
    }
  }
}

async function sandboxCredentialsFor(sandboxDir: string, clusterDir: string): Promise<SandboxCredentials> {
  const existing = await readSandboxCredentials(sandboxDir);
  if (existing) return existing;
  if (existsSync(join(clusterDir, 'PG_VERSION'))) {
    throw new StudioError('connection-failed', `The sandbox cluster in ${clusterDir} has lost its credentials file.`, {
      hint: `Delete the folder ${clusterDir} to recreate the sandbox (its data is lost), or restore ${credentialsPath(sandboxDir)}.`,
    });
  }
  const { freePort } = await import('./embeddedServer');
  const created = newSandboxCredentials(await freePort());
  await writeSandboxCredentials(sandboxDir, created);
  return created;
}

async function reuse(running: RunningCluster, credentials: SandboxCredentials, progress: (message: string) => void): Promise<SandboxServer> {
  progress(`Using the sandbox PostgreSQL already running on 127.0.0.1:${running.port} (pid ${running.pid}).`);
  await waitUntilAccepting(running, credentials);
  await ensureSandboxDatabase(running.port, credentials);
  return { port: running.port, credentials, startedHere: false, stop: async () => undefined };
}

function adminConfig(port: number, credentials: SandboxCredentials, database = 'postgres'): DatabaseTarget {
  return { host: '127.0.0.1', port, user: credentials.user, password: credentials.password, database, application_name: applicationName, connectionTimeoutMillis: 5_000 };
}

async function withAdmin<T>(port: number, credentials: SandboxCredentials, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(adminConfig(port, credentials));
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A server started by another process may still be starting: wait (up to 30 s) until it accepts connections. */
async function waitUntilAccepting(running: RunningCluster, credentials: SandboxCredentials): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await withAdmin(running.port, credentials, (client) => client.query('select 1'));
      return;
    } catch (error) {
      if (error instanceof StudioError && error.code === 'auth-failed') {
        throw new StudioError('auth-failed', 'The running sandbox rejected the password in its credentials file.', {
          hint: `Stop the process that runs the sandbox (pid ${running.pid}) and delete the sandbox folder to recreate it (its data is lost).`,
        });
      }
      if (Date.now() > deadline || !isProcessAlive(running.pid)) {
        throw new StudioError('connection-failed', `The sandbox PostgreSQL (pid ${running.pid}, port ${running.port}) does not accept connections.`, {
          hint: `Wait for it to finish starting, or stop process ${running.pid} and try again.`,
          detail: { reason: (error as Error).message },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function ensureSandboxDatabase(port: number, credentials: SandboxCredentials): Promise<void> {
  await withAdmin(port, credentials, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [sandboxDatabase]);
    if (rowCount) return;
    await client.query(`create database ${client.escapeIdentifier(sandboxDatabase)}`).catch((error: { code?: string }) => {
      if (error.code !== '42P04') throw error; // created meanwhile by the other process
    });
  });
}

function sandboxStartError(clusterDir: string, port: number, error: unknown, log: string): StudioError {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const portClash = /address already in use|could not bind/i.test(log);
  return new StudioError('connection-failed', `The sandbox PostgreSQL could not start: ${message}`, {
    hint: portClash
      ? `Port ${port} on 127.0.0.1 is in use by another program; stop it or try again (the sandbox picks a new port when its port is taken).`
      : `See the server output in the error detail. If ${clusterDir} is damaged, delete its parent sandbox folder to recreate the sandbox (its data is lost).`,
    detail: { clusterDir, port, log },
  });
}
