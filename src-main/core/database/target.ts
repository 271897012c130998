import type pg from 'pg';
import type { ConnectionProfile } from '../../contract';
import { parseConnectionUrl } from './connectionUrl';
import { sslOptionFor } from './sslConfig';

/** Where to connect: a full pg client config, password included (resolved from the keychain by the caller). */
export type DatabaseTarget = pg.ClientConfig;

/** Every connection the app opens names itself, so a lock holder or pg_stat_activity row reads "pgm-studio". */
export const applicationName = 'pgm-studio';
export const connectTimeoutMs = 10_000;

export type SslMode = ConnectionProfile['sslMode'];
/** Host, port, database, user and SSL mode: what a profile or a URL says about where to connect. */
export type DatabaseEndpoint = Pick<ConnectionProfile, 'host' | 'port' | 'database' | 'user' | 'sslMode'>;

/** The pg config for an endpoint, with libpq's meaning of its SSL mode (prefer asks the server first). */
export async function databaseTargetFor(endpoint: DatabaseEndpoint, password: string | undefined): Promise<DatabaseTarget> {
  return {
    host: endpoint.host,
    port: endpoint.port,
    database: endpoint.database,
    user: endpoint.user,
    ...(password === undefined ? {} : { password }),
    ssl: await sslOptionFor(endpoint.sslMode, endpoint.host, endpoint.port),
    application_name: applicationName,
    connectionTimeoutMillis: connectTimeoutMs,
  };
}

/** Which database a target reaches (what a guard compares), without the password. */
export interface DatabaseIdentity {
  host: string;
  port: number;
  database: string;
  user: string;
}

/** The identity of a target, with pg's defaults for what it leaves out (a connection string is read the same way). */
export function identityOf(target: DatabaseTarget): DatabaseIdentity {
  if (target.connectionString) {
    const { host, port, database, user } = parseConnectionUrl(target.connectionString);
    return { host, port, database, user };
  }
  const user = target.user ?? process.env.PGUSER ?? process.env.USER ?? 'postgres';
  return { host: target.host ?? 'localhost', port: Number(target.port ?? 5432), database: target.database ?? user, user };
}

/** `user@host:port/db`: how a target is named to an operator (never with its password). */
export function describeTarget(target: DatabaseTarget): string {
  const { host, port, database, user } = identityOf(target);
  return `${user}@${host.includes(':') ? `[${host}]` : host}:${port}/${database}`;
}

/** The same server, user and options, another database (a scratch restore, a restore into a new database). */
export function targetForDatabase(target: DatabaseTarget, database: string): DatabaseTarget {
  if (!target.connectionString) return { ...target, database };
  const url = new URL(target.connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return { ...target, connectionString: url.toString() };
}
