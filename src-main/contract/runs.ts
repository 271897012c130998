import * as z from 'zod';
import { channel } from './channel';

/** A lock a session waits for (pg_locks, not granted): the relation when it is one, and the mode. */
export interface WaitedLock {
  /** pg_locks.locktype: relation, transactionid, tuple, advisory... */
  lockType: string;
  /** `schema.table` as regclass prints it; null when the lock is not on a relation. */
  relation: string | null;
  /** AccessExclusiveLock, ShareLock... */
  mode: string;
}

/** One session of pg_stat_activity, as the waiting view shows it. The query is cut short. */
export interface SessionActivity {
  pid: number;
  applicationName: string | null;
  user: string | null;
  clientAddress: string | null;
  state: string | null;
  /** How long its transaction has been open, in seconds; null outside a transaction. */
  transactionSeconds: number | null;
  query: string | null;
}

/** A live sample of a run: how long it has been going and, when it waits for a lock, who it waits on. */
export interface RunActivity {
  elapsedMs: number;
  /** The run's own backend: the session to look for in pg_stat_activity. */
  backendPid: number;
  migration: string | null;
  /** The lock the run's statement waits for right now; null when it is not waiting for a lock. */
  waitingFor: WaitedLock | null;
  /** Sessions holding (or queued ahead for) what it waits for: pg_blocking_pids(run pid). */
  blockers: SessionActivity[];
  /** Sessions waiting behind the run: their pg_blocking_pids include it. */
  queued: SessionActivity[];
}

/** The lock a statement of a rehearsal takes, with the table's size and activity, read before the run. */
export interface StatementLock {
  /** 0-based index into the rehearsal's statements. */
  statement: number;
  table: string;
  /** PostgreSQL's name for the lock mode: ACCESS EXCLUSIVE, SHARE, ROW EXCLUSIVE... */
  mode: string;
  /** Why this mode: the kind of statement ("ALTER TABLE", "CREATE INDEX"...). */
  kind: string;
  /** Blocks the application's reads (ACCESS EXCLUSIVE) or writes (SHARE and stronger). */
  blocks: 'reads and writes' | 'writes' | 'schema changes';
  /** pg_class.reltuples (an estimate; null when the table was never analyzed or is new). */
  estimatedRows: number | null;
  /** pg_total_relation_size in bytes; null for a table the rehearsal created. */
  totalBytes: number | null;
  /** Sessions holding a lock on the table now, or running a statement, from pg_locks and pg_stat_activity. */
  activeSessions: number | null;
}

export const cancelRunInputSchema = z
  .object({
    /** The run to cancel (the runId of its events); omitted: the run in progress. */
    runId: z.string().min(1).max(100).optional(),
  })
  .strict();

export interface CancelRunResult {
  /** False when no run was in progress (or a different one). */
  cancelled: boolean;
  /** What the cancelled run reported: rolled back and unchanged, or for a noTransaction migration what stays. */
  message: string;
}

export const signalBlockerInputSchema = z
  .object({
    runId: z.string().min(1).max(100).optional(),
    pid: z.number().int().positive(),
    /** cancel: pg_cancel_backend (its running statement); terminate: pg_terminate_backend (its whole session, its transaction rolled back). */
    action: z.enum(['cancel', 'terminate']),
  })
  .strict();

export interface SignalBlockerResult {
  pid: number;
  action: 'cancel' | 'terminate';
  /** pg_cancel_backend / pg_terminate_backend returned true. */
  signalled: boolean;
  message: string;
}

export const runsContract = {
  'migrations/cancel': channel<CancelRunResult>()(cancelRunInputSchema),
  'migrations/signal-blocker': channel<SignalBlockerResult>()(signalBlockerInputSchema),
};
