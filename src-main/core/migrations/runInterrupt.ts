// Cancelling a run from outside (Ctrl-C, a server shutting down, a Cancel button): RunOptions.signal.
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { MigrationFailure, MigrationRunResult } from '../../contract';
import { connect, type DatabaseTarget } from '../database';
import type { TransactionMode } from './transactionalClient';

export const interruptedMessage = 'interrupted: the command was rolled back, the database is unchanged';
/** The word of an operator's Cancel (migrations/cancel): abort the run's controller with this reason. */
export const cancelReason = 'cancelled';
export const cancelledMessage = 'cancelled: the command was rolled back, the database is unchanged';

const retryEveryMs = 100;
const maxCancelAttempts = 100;

/** What a statement the runner tries after the interrupt fails with: nothing new starts. */
class RunInterruptedError extends Error {
  readonly code = '57014';
  constructor() {
    super('canceling statement due to user request');
  }
}

/**
 * Watches one run's signal. While migrations run, an abort refuses every new statement and cancels
 * the one in flight with pg_cancel_backend(<the run's backend>) from a separate short connection,
 * again until the backend is no longer active (a statement may still be on its way) or a bound is
 * reached. The outer transaction is then rolled back by the caller as for any failure.
 */
export class RunInterrupt {
  private migrationsRunning = false;
  private pid: number | null = null;
  private client: pg.ClientBase | null = null;
  private cancelling: Promise<void> | null = null;

  constructor(
    private readonly db: DatabaseTarget,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** The run's backend pid (read by guard()): the session the live view samples. */
  get backendPid(): number | null {
    return this.pid;
  }

  get requested(): boolean {
    return this.signal?.aborted ?? false;
  }

  /** The run's own connection: remembers its backend, and refuses new statements once interrupted during migrations. */
  async guard<C extends pg.ClientBase>(client: C): Promise<C> {
    this.client = client;
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    this.pid = rows[0]?.pid ?? null;
    if (!this.signal) return client;
    return new Proxy(client, {
      get: (target, property, receiver) => {
        if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
        return (...args: unknown[]) =>
          this.requested && this.migrationsRunning ? Promise.reject(new RunInterruptedError()) : (target.query as (...a: unknown[]) => unknown)(...args);
      },
    });
  }

  /** Brackets node-pg-migrate's runner(): only its statements are refused or cancelled, never our COMMIT/ROLLBACK. */
  async duringMigrations<T>(work: () => Promise<T>): Promise<T> {
    this.migrationsRunning = true;
    if (this.requested) this.onAbort();
    try {
      return await work();
    } finally {
      this.migrationsRunning = false;
      await this.cancelling;
    }
  }

  /**
   * The interrupted run's failure: migrations a pgm.noTransaction() break committed stay applied, and
   * the interrupted one ran outside a transaction when the session is idle rather than in a failed one.
   */
  failure(tracker: { current: string | null; results(commandSucceeded: boolean): MigrationRunResult[] }, mode: TransactionMode): MigrationFailure {
    return interruptedFailure({
      verb: this.signal?.reason === cancelReason ? 'cancelled' : 'interrupted',
      migration: tracker.current,
      committed: tracker.results(false).filter((r) => r.success).map((r) => r.name),
      outsideTransaction: mode === 'commit' && this.client?.getTransactionStatus() === 'I',
    });
  }

  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
  }

  private onAbort = (): void => {
    if (!this.migrationsRunning || this.pid === null || this.cancelling) return;
    this.cancelling = this.cancelStatement(this.pid).catch(() => undefined);
  };

  private async cancelStatement(pid: number): Promise<void> {
    // A connection of its own, outside the pool: the pool may be busy, the cancel must not wait for it.
    const client = await connect(this.db);
    try {
      for (let attempt = 0; attempt < maxCancelAttempts && this.migrationsRunning; attempt += 1) {
        const { rows } = await client.query<{ active: boolean }>(
          "SELECT state = 'active' AS active, CASE WHEN state = 'active' THEN pg_cancel_backend(pid) END FROM pg_stat_activity WHERE pid = $1",
          [pid],
        );
        if (!rows[0]?.active && attempt > 0) return;
        await sleep(retryEveryMs);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export interface InterruptedRun {
  /** 'cancelled' for an operator's Cancel; 'interrupted' (default) for Ctrl-C or a server stopping. */
  verb?: 'interrupted' | 'cancelled';
  migration: string | null;
  /** Migrations committed for good before the interrupt (after a pgm.noTransaction() break). */
  committed: string[];
  /** The interrupted migration was running outside any transaction (pgm.noTransaction()). */
  outsideTransaction: boolean;
}

/** The failure an interrupted run reports: the truth about what stays, in one message. */
export function interruptedFailure({ verb = 'interrupted', migration, committed, outsideTransaction }: InterruptedRun): MigrationFailure {
  const failure: MigrationFailure = { migration, message: verb === 'cancelled' ? cancelledMessage : interruptedMessage, interrupted: true };
  if (committed.length === 0 && !outsideTransaction) return failure;
  const parts: string[] = [];
  if (committed.length) parts.push(`${committed.join(', ')} ${committed.length === 1 ? 'was' : 'were'} committed before a pgm.noTransaction() migration and stay${committed.length === 1 ? 's' : ''} applied`);
  if (outsideTransaction && migration) parts.push(`${migration} ran outside a transaction: what its statements did before the interrupt stays, and it is not recorded as applied`);
  failure.message = `${verb}: ${parts.join('; ')}; the rest of the command was rolled back`;
  failure.hint = 'Look at the status and the schema before running again: finish or undo the interrupted migration by hand if it left objects behind.';
  return failure;
}
