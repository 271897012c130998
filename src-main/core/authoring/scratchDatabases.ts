import { randomBytes } from 'node:crypto';
import { endDatabasePool, withClient, type DatabaseTarget } from '../database';

/**
 * Databases the up-down-up test creates on the scratch server (the sandbox; in tests the test
 * server), all named with this prefix so they are never mistaken for the operator's own.
 */
export const scratchPrefix = 'pgm_studio_';

/** The same server and role, another database. */
export function onDatabase(server: DatabaseTarget, database: string): DatabaseTarget {
  if (server.connectionString) {
    const url = new URL(server.connectionString);
    url.pathname = `/${encodeURIComponent(database)}`;
    return { ...server, connectionString: url.toString() };
  }
  return { ...server, database };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface ScratchServer {
  admin: DatabaseTarget;
  exists(database: string): Promise<boolean>;
  /** A new empty database, or a copy of `template` (which nobody may be connected to). */
  create(database: string, template?: string): Promise<void>;
  /** Publish a built database under its final name; false when another test published it first. */
  rename(from: string, to: string): Promise<boolean>;
  drop(database: string): Promise<void>;
  /** Names of this server's databases starting with `prefix`. */
  list(prefix: string): Promise<string[]>;
}

/** `pgm_studio_{kind}_{unix seconds}_{random}`: the time lets a later test drop what a crashed one left. */
export const uniqueScratchName = (kind: 'scratch' | 'building', now = Date.now()) => `${scratchPrefix}${kind}_${Math.floor(now / 1000)}_${randomBytes(6).toString('hex')}`;

/** Scratch and half-built databases older than this were left by a test that crashed: no test runs that long. */
export const abandonedAfterMs = 6 * 60 * 60 * 1000;

/** Names among `names` that a crashed test left behind (made more than abandonedAfterMs ago). */
export function abandonedScratchNames(names: readonly string[], now = Date.now()): string[] {
  return names.filter((name) => {
    const match = new RegExp(`^${scratchPrefix}(?:scratch|building)_(\\d+)_[0-9a-f]+$`).exec(name);
    return match !== null && now - Number(match[1]) * 1000 > abandonedAfterMs;
  });
}

export function scratchServer(server: DatabaseTarget): ScratchServer {
  const admin = onDatabase(server, 'postgres');
  const run = (sql: string, params: unknown[] = []) => withClient(admin, (client) => client.query(sql, params));
  // Every statement here names a database this module made up (scratchPrefix), never one given by a caller.
  const own = (database: string) => {
    if (!database.startsWith(scratchPrefix)) throw new Error(`Refusing to touch ${database}: not a scratch database.`);
    return quote(database);
  };
  return {
    admin,
    exists: async (database) => (await run('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1,
    async create(database, template) {
      if (template !== undefined) await endDatabasePool(onDatabase(server, template));
      await run(`CREATE DATABASE ${own(database)}${template === undefined ? '' : ` TEMPLATE ${own(template)}`}`);
    },
    async rename(from, to) {
      await endDatabasePool(onDatabase(server, from));
      return run(`ALTER DATABASE ${own(from)} RENAME TO ${own(to)}`).then(
        () => true,
        (error: { code?: string; cause?: { code?: string } }) => {
          if ((error.code ?? error.cause?.code) === '42P04' || /already exists/.test(String((error as Error).message))) return false;
          throw error;
        },
      );
    },
    async drop(database) {
      await endDatabasePool(onDatabase(server, database));
      await run(`DROP DATABASE IF EXISTS ${own(database)} WITH (FORCE)`);
    },
    list: async (prefix) => (await run('SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname', [prefix])).rows.map((r: { datname: string }) => r.datname),
  };
}
