import type { ProjectSettings, RollbackPreflight, SessionInfo } from '../../contract';
import { applicationName, describeTarget, withClient, type DatabaseTarget } from '../database';
import { findLockHolder } from '../migrations';

/** A transaction open longer than this can hold locks the downs need. */
export const longTransactionSeconds = 60;

interface ActivityRow {
  pid: number;
  application_name: string | null;
  usename: string | null;
  client_addr: string | null;
  state: string | null;
  xact_age: number | null;
  query: string | null;
}

/**
 * Who else is connected to the database before a rollback: the seed's "stop the application"
 * step made visible. Idle pooled connections of PGM Studio itself are left out; everything else
 * is listed, and transactions open for more than a minute are called out.
 */
export async function rollbackPreflight(target: DatabaseTarget, project: ProjectSettings): Promise<RollbackPreflight> {
  const sessions = await withClient(target, async (client) => {
    const { rows } = await client.query<ActivityRow>(
      `select pid, nullif(application_name, '') as application_name, usename, client_addr::text as client_addr, state,
              extract(epoch from now() - xact_start)::float8 as xact_age, left(query, 200) as query
         from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
          and not (application_name = $1 and state = 'idle')
        order by xact_start nulls last, pid`,
      [applicationName],
    );
    return rows.map((r): SessionInfo => ({
      pid: r.pid,
      applicationName: r.application_name,
      user: r.usename,
      clientAddress: r.client_addr,
      state: r.state,
      transactionAgeSeconds: r.xact_age === null ? null : Math.round(r.xact_age),
      query: r.query,
    }));
  });
  const migrationLockHolder = await findLockHolder(target, project);
  const longTransactions = sessions.filter((s) => (s.transactionAgeSeconds ?? 0) > longTransactionSeconds);
  const reminders = [
    'Stop the application (or put it in maintenance mode) before rolling back: code that expects the newer schema will fail once the downs ran.',
    ...(sessions.length ? [`${sessions.length} other session(s) are connected: they may hold locks the downs wait for (lock_timeout then stops the rollback, nothing changed).`] : []),
    ...(longTransactions.length ? [`${longTransactions.length} transaction(s) have been open for more than ${longTransactionSeconds} s: end them first (pg_terminate_backend(pid) if they are stuck).`] : []),
    ...(migrationLockHolder ? [`Another migration run holds the migration lock (pid ${migrationLockHolder.pid}): wait for it to finish.`] : []),
    'Restart the application (the version that matches the rolled-back schema) once the integrity check passed.',
  ];
  return { database: describeTarget(target), sessions, longTransactions, migrationLockHolder, reminders };
}
