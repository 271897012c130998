import type pg from 'pg';
import { PG_MIGRATE_LOCK_ID } from 'node-pg-migrate';
import { StudioError, type LockHolder, type ProjectSettings } from '../../contract';
import { withClient, type DatabaseTarget } from '../database';

// pg_locks shows a bigint advisory key as two 32-bit halves (classid = high, objid = low, objsubid = 1).
const key = BigInt(PG_MIGRATE_LOCK_ID);
const classid = (key >> 32n).toString();
const objid = (key & 0xffffffffn).toString();

/** Who holds node-pg-migrate's advisory lock on this database, from pg_locks and pg_stat_activity. */
export async function readLockHolder(client: pg.ClientBase): Promise<LockHolder | null> {
  const { rows } = await client.query<{ pid: number; application_name: string | null; client_addr: string | null; since: Date | null }>(
    `SELECT l.pid, nullif(a.application_name, '') AS application_name, host(a.client_addr) AS client_addr,
            coalesce(a.xact_start, a.backend_start) AS since
       FROM pg_locks l
       LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = $1::oid AND l.objid = $2::oid AND l.objsubid = 1
        AND l.pid <> pg_backend_pid()
      LIMIT 1`,
    [classid, objid],
  );
  const row = rows[0];
  if (!row) return null;
  return { pid: row.pid, applicationName: row.application_name, clientAddress: row.client_addr, since: row.since ? row.since.toISOString() : null };
}

/** Who holds node-pg-migrate's advisory lock on this database right now, or null (the status bar's lock state). */
export async function findLockHolder(db: DatabaseTarget, _project: ProjectSettings): Promise<LockHolder | null> {
  return withClient(db, (client) => readLockHolder(client));
}

function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'another session (it has just finished or is not visible to this user)';
  const parts = [`pid ${holder.pid}`];
  if (holder.applicationName) parts.push(`application "${holder.applicationName}"`);
  if (holder.clientAddress) parts.push(`from ${holder.clientAddress}`);
  if (holder.since) parts.push(`since ${holder.since}`);
  return parts.join(', ');
}

/**
 * Takes node-pg-migrate's own session advisory lock (same key, so a node-pg-migrate CLI run and the
 * studio exclude each other). We take it ourselves rather than through runner() so one lock covers
 * a whole command, e.g. both halves of a redo. Fails fast, never waits.
 */
export async function acquireMigrationLock(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key.toString()]);
  if (rows[0]?.locked) return;
  const holder = await readLockHolder(client);
  throw new StudioError('lock-held', `Another migration run holds the lock: ${describeHolder(holder)}.`, {
    hint: `Wait for that run to finish, then retry. If that session is stuck, ask its owner or end it with SELECT pg_terminate_backend(${holder?.pid ?? '<pid>'}).`,
    detail: { holder },
  });
}

export async function releaseMigrationLock(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1::bigint)', [key.toString()]);
}
