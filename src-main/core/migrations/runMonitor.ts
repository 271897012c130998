// What a running migration waits on, live: a light sampler on a separate pooled connection.
import type pg from 'pg';
import { StudioError, type RunActivity, type SessionActivity, type WaitedLock } from '../../contract';
import { explainDatabaseError, withClient, type DatabaseTarget } from '../database';

/** How often a run is sampled; shorter when its lock_timeout is short, so the blocker is seen before it fires. */
export const sampleEveryMs = 1_500;
const minSampleEveryMs = 200;
const queryChars = 300;

const sessionColumns = (alias: string) => `json_build_object(
  'pid', ${alias}.pid,
  'applicationName', nullif(${alias}.application_name, ''),
  'user', ${alias}.usename::text,
  'clientAddress', host(${alias}.client_addr),
  'state', ${alias}.state,
  'transactionSeconds', round(extract(epoch FROM now() - ${alias}.xact_start)::numeric, 1),
  'query', left(${alias}.query, ${queryChars}))`;

// One round trip. pg_blocking_pids is only evaluated for the run itself and for sessions waiting on a lock.
const sampleSql = `SELECT
  (SELECT json_build_object('lockType', l.locktype, 'relation', l.relation::regclass::text, 'mode', l.mode)
     FROM pg_locks l WHERE l.pid = $1 AND NOT l.granted LIMIT 1) AS waiting_for,
  (SELECT coalesce(json_agg(${sessionColumns('a')} ORDER BY a.xact_start), '[]'::json)
     FROM pg_stat_activity a WHERE a.pid = ANY (pg_blocking_pids($1))) AS blockers,
  (SELECT coalesce(json_agg(${sessionColumns('q')} ORDER BY q.pid), '[]'::json)
     FROM pg_stat_activity q WHERE q.wait_event_type = 'Lock' AND q.pid <> $1 AND $1 = ANY (pg_blocking_pids(q.pid))) AS queued`;

interface SampleRow {
  waiting_for: WaitedLock | null;
  blockers: SessionActivity[];
  queued: SessionActivity[];
}

/** The lock the backend `pid` waits for, who blocks it and who queues behind it, in one query. */
export async function sampleBackend(client: pg.ClientBase, pid: number): Promise<Pick<RunActivity, 'waitingFor' | 'blockers' | 'queued'>> {
  const { rows } = await client.query<SampleRow>(sampleSql, [pid]);
  const row = rows[0];
  const numeric = (s: SessionActivity): SessionActivity => ({ ...s, transactionSeconds: s.transactionSeconds === null ? null : Number(s.transactionSeconds) });
  return { waitingFor: row?.waiting_for ?? null, blockers: (row?.blockers ?? []).map(numeric), queued: (row?.queued ?? []).map(numeric) };
}

/** Milliseconds of a PostgreSQL time setting (`5s`, `2min`, `1500`), or null when it is off or unknown. */
export function settingMs(value: string | undefined): number | null {
  const match = value?.trim().match(/^(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?$/);
  if (!match) return null;
  const factor = { us: 0.001, ms: 1, s: 1_000, min: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 'ms'] ?? 1;
  const ms = Number(match[1]) * factor;
  return ms > 0 ? ms : null;
}

/**
 * Samples one run every ~1.5 s while it is in progress and reports each sample; keeps the last one
 * that saw it wait, so a lock-timeout failure can name the lock and who held it. Stops at `stop()`.
 */
export class RunMonitor {
  private timer: NodeJS.Timeout | null = null;
  private sampling: Promise<void> | null = null;
  private stopped = false;
  private readonly startedAt = Date.now();
  /** The last sample in which the run waited for a lock. */
  lastWait: Pick<RunActivity, 'waitingFor' | 'blockers'> | null = null;

  constructor(
    private readonly db: DatabaseTarget,
    private readonly pid: number,
    private readonly current: () => string | null,
    private readonly report: (activity: RunActivity) => void,
    lockTimeout?: string,
  ) {
    const lockMs = settingMs(lockTimeout);
    this.everyMs = lockMs === null ? sampleEveryMs : Math.max(minSampleEveryMs, Math.min(sampleEveryMs, lockMs / 3));
  }

  private readonly everyMs: number;

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => {
      // A slow sample (a busy server) is never stacked behind another.
      if (!this.sampling) this.sampling = this.sample().finally(() => (this.sampling = null));
    }, this.everyMs);
    this.timer.unref();
  }

  /** Stops sampling at once; a sample in flight is awaited so nothing is reported after the run. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sampling;
  }

  private async sample(): Promise<void> {
    try {
      const sample = await withClient(this.db, (client) => sampleBackend(client, this.pid));
      if (this.stopped) return;
      if (sample.waitingFor) this.lastWait = { waitingFor: sample.waitingFor, blockers: sample.blockers };
      this.report({ elapsedMs: Date.now() - this.startedAt, backendPid: this.pid, migration: this.current(), ...sample });
    } catch {
      // A sample that fails (pool busy, connection lost) is skipped: the run itself decides how it ends.
    }
  }
}

const permissionHint = 'Your role may only signal its own sessions: GRANT pg_signal_backend TO <your role> (a superuser does this; it never covers a superuser\'s sessions), or ask the session\'s owner or a DBA to end it.';

/**
 * Cancels the statement of (or terminates) session `pid`, only if it is blocking the run's backend
 * right now: checked and signalled in one statement, so a pid that stopped blocking is never hit.
 */
export async function signalBlockingSession(db: DatabaseTarget, runPid: number, pid: number, action: 'cancel' | 'terminate'): Promise<boolean> {
  const signal = action === 'cancel' ? 'pg_cancel_backend' : 'pg_terminate_backend';
  try {
    const { rows } = await withClient(db, (client) =>
      client.query<{ blocking: boolean; signalled: boolean | null }>(
        `SELECT $2::int = ANY (pg_blocking_pids($1)) AS blocking,
                CASE WHEN $2::int = ANY (pg_blocking_pids($1)) THEN ${signal}($2) END AS signalled`,
        [runPid, pid],
      ),
    );
    const row = rows[0];
    if (!row?.blocking) {
      throw new StudioError('invalid-input', `Session ${pid} is not blocking the run (any more): nothing was signalled.`, {
        hint: 'Only a session listed as blocking the running migration can be cancelled or terminated from here. Look at the waiting view again.',
        detail: { pid, runPid },
      });
    }
    return row.signalled === true;
  } catch (error) {
    // withClient explains PostgreSQL errors; 42501: the role may not signal that session.
    const pgCode = error instanceof StudioError ? (error.detail as { pgCode?: string } | undefined)?.pgCode : undefined;
    if (pgCode === '42501') {
      throw new StudioError('forbidden', `Your database role may not ${action} session ${pid}: ${error instanceof Error ? error.message : String(error)}`, { hint: permissionHint, detail: { pid, action } });
    }
    throw explainDatabaseError(error);
  }
}
