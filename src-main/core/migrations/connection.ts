import pg from 'pg';
import { StudioError } from '../../contract';
import type { DatabaseTarget } from './types';

/** Shown in pg_stat_activity, so a lock held by the studio is recognisable. */
const applicationName = 'pgm-studio';

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);
const authCodes = new Set(['28P01', '28000']);

/** `user@host:port/database` for messages: never the password. */
function describeTarget(target: DatabaseTarget): string {
  let { user, host, port, database } = target;
  if (target.connectionString) {
    try {
      const url = new URL(target.connectionString);
      user ??= decodeURIComponent(url.username) || undefined;
      host ??= url.hostname || undefined;
      port ??= url.port ? Number(url.port) : undefined;
      database ??= decodeURIComponent(url.pathname.slice(1)) || undefined;
    } catch {
      // Not a URL (key=value form): describe what we know.
    }
  }
  return `${user ?? '(default user)'}@${host ?? 'localhost'}:${port ?? 5432}/${database ?? '(default database)'}`;
}

function connectError(target: DatabaseTarget, error: unknown): StudioError {
  const err = error as { code?: string; message?: string };
  const where = describeTarget(target);
  const reason = err.message ?? String(error);
  if (authCodes.has(err.code ?? '') || /password/i.test(reason)) {
    return new StudioError('auth-failed', `Authentication failed for ${where}: ${reason}`, {
      hint: 'Check the user name and password of the connection (re-enter the password if it changed).',
    });
  }
  if (err.code === '3D000') {
    return new StudioError('connection-failed', `Database does not exist: ${where}`, { hint: 'Create the database first (createdb) or pick the right database name.' });
  }
  const hint = unreachableCodes.has(err.code ?? '')
    ? 'Check that PostgreSQL is running and reachable at this host and port (firewall, VPN, docker port mapping).'
    : 'Check the connection settings (host, port, SSL mode) and that the server accepts connections.';
  return new StudioError('connection-failed', `Cannot connect to ${where}: ${reason}`, { hint });
}

/** A connected client tagged with our application_name; connection failures become StudioErrors. */
export async function connect(target: DatabaseTarget): Promise<pg.Client> {
  const client = new pg.Client({ connectionTimeoutMillis: 15_000, ...target, application_name: target.application_name ?? applicationName });
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectError(target, error);
  }
  return client;
}

/** Runs `fn` with a fresh connection and always closes it. */
export async function withClient<T>(target: DatabaseTarget, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(target);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
