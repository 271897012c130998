import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { RunTimeouts } from '../../contract';
import { applyRunTimeouts } from './runTimeouts';

export type TransactionMode = 'commit' | 'rehearse';

export interface StatementObserver {
  /** runner() opened its transaction: migrations start now. */
  migrationsBegin(): void;
  /** A statement run on behalf of a migration succeeded; `durable` when it ran in autocommit (committed already). */
  executed(sql: string, durable: boolean): void;
  /** Work so far was committed for good (a pgm.noTransaction() migration forced it). */
  committed(): void;
  /** The migration in flight runs outside any transaction from now on (pgm.noTransaction()). */
  outsideTransaction?(): void;
}

type QueryInput = string | { text: string; values?: unknown[] };

/**
 * A migration whose SQL ran COMMIT or ROLLBACK itself: what came before is committed (or discarded) for
 * good, and whatever follows would run outside the command's transaction. The command stops at once.
 */
export class TransactionEndedError extends Error {
  constructor(readonly statement: string) {
    super('its SQL ended the command\'s transaction itself (a COMMIT, ROLLBACK or END in it)');
    this.name = 'TransactionEndedError';
  }
}

// A transaction-local setting marks our outer transaction: after a COMMIT and a new BEGIN in a
// migration's SQL the session is in a transaction again, but not in ours, and the mark is gone.
const markSetting = 'pgm_studio.transaction';

/** Words of every statement that can end a transaction (COMMIT, ROLLBACK, END, ABORT, PREPARE TRANSACTION). */
const mayEndTransaction = /\b(?:commit|rollback|end|abort|prepare)\b/i;

const emptyResult = (command: string): pg.QueryResult => ({ command, rowCount: null, oid: 0, fields: [], rows: [] });

/**
 * node-pg-migrate's own transaction statements, exactly as it sends them with singleTransaction:
 * runner()'s `BEGIN`/`COMMIT`/`ROLLBACK`, and the `COMMIT;`/`BEGIN;` around a pgm.noTransaction()
 * migration. A migration's own `pgm.sql('ROLLBACK')` (sent as `ROLLBACK;`), `END`, `START TRANSACTION`
 * or lower-case spelling is not one of them: it runs, and assertStillInOurTransaction catches it.
 * (`pgm.sql('COMMIT')` and `pgm.sql('BEGIN')` send the same text as node-pg-migrate and are treated as its own.)
 */
const controlStatements: Record<string, 'begin' | 'commit' | 'rollback'> = {
  BEGIN: 'begin',
  'BEGIN;': 'begin',
  COMMIT: 'commit',
  'COMMIT;': 'commit',
  ROLLBACK: 'rollback',
};

function controlKind(sql: string): 'begin' | 'commit' | 'rollback' | null {
  return Object.hasOwn(controlStatements, sql) ? (controlStatements[sql] ?? null) : null;
}

/**
 * The client handed to node-pg-migrate's runner() as `dbClient`. We own one outer transaction per
 * command; runner()'s BEGIN/COMMIT/ROLLBACK become savepoints inside it, so a command made of several
 * runner() calls (redo) is atomic, and a rehearsal is rolled back at the end.
 *
 * pgm.noTransaction(): with singleTransaction, node-pg-migrate COMMITs before such a migration, runs
 * it outside any transaction, then BEGINs again (migration.js `_apply`). We see that as statements at
 * depth 0 after migrations began. In 'commit' mode we do the same as node-pg-migrate: commit the
 * outer transaction (everything before is now durable, reported via `committed()`), run it in
 * autocommit, and open a new outer transaction at the next BEGIN. In 'rehearse' mode nothing may be
 * committed, so it runs inside the outer transaction; statements that refuse a transaction
 * (CREATE INDEX CONCURRENTLY) then fail the rehearsal with SQLSTATE 25001 and a hint.
 */
export class TransactionalClient {
  readonly statements: string[] = [];
  lastError: { statement: string; error: unknown } | null = null;
  ranOutsideTransaction = false;
  /** The last failed statement ran in autocommit (a pgm.noTransaction() migration in a real run): its predecessors stay. */
  failedOutsideTransaction = false;
  /** A migration ended our transaction itself; nothing more runs in this command. */
  transactionEnded = false;
  private savepoints: string[] = [];
  private outerOpen = false;
  private migrationsStarted = false;
  private counter = 0;
  private mark = '';
  /** Settles before the first migration statement may run (see holdMigrationsUntil). */
  private gate: Promise<unknown> | null = null;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly mode: TransactionMode,
    private readonly observer: StatementObserver,
    /** Called after the commit that precedes a pgm.noTransaction() migration, before its first statement. */
    private readonly beforeAutocommit: () => Promise<void> = async () => undefined,
    /** lock_timeout / statement_timeout: SET LOCAL in each outer transaction, SET for a noTransaction migration's autocommit. */
    private readonly timeouts: RunTimeouts = {},
  ) {}

  /** Opens the outer transaction (again, after a noTransaction break) before each runner() call. */
  async startRunnerCall(): Promise<void> {
    this.migrationsStarted = false;
    this.savepoints = [];
    await this.openOuter();
  }

  /**
   * Lets runner() go ahead with its preparation (the migrations table, loading the files) but holds
   * its first migration until `ready` settles: a read of the state before the command, on another
   * connection, finishes before anything of the command can be committed.
   */
  holdMigrationsUntil(ready: Promise<unknown>): void {
    this.gate = ready.catch(() => undefined);
  }

  /** Ends the outer transaction: COMMIT only for a successful real run, otherwise ROLLBACK. */
  async finish(success: boolean): Promise<void> {
    if (!this.outerOpen) return;
    this.outerOpen = false;
    if (this.transactionEnded) {
      // Whatever transaction the migration left open is not ours to commit.
      if (this.client.getTransactionStatus() !== 'I') await this.client.query('ROLLBACK');
      return;
    }
    await this.client.query(success && this.mode === 'commit' ? 'COMMIT' : 'ROLLBACK');
  }

  /** Runs read-only `read` inside our transaction; if it fails, the transaction goes on as before and we get null. */
  async readBehindSavepoint<T>(read: () => Promise<T>): Promise<T | null> {
    await this.client.query('SAVEPOINT pgm_studio_read');
    try {
      const value = await read();
      await this.client.query('RELEASE SAVEPOINT pgm_studio_read');
      return value;
    } catch {
      await this.client.query('ROLLBACK TO SAVEPOINT pgm_studio_read').catch(() => undefined);
      return null;
    }
  }

  // runner() only checks that `query` is a function; it never connects or ends an external client.
  query = async (input: QueryInput, values?: unknown[]): Promise<pg.QueryResult> => {
    const sql = typeof input === 'string' ? input : input.text;
    const control = controlKind(sql);
    if (control === 'begin') return this.begin();
    if (control === 'commit') return this.release('COMMIT');
    if (control === 'rollback') return this.rollback();
    return this.execute(sql, values ?? (typeof input === 'string' ? undefined : input.values));
  };

  private async openOuter(): Promise<void> {
    if (this.outerOpen) return;
    await this.client.query('BEGIN');
    this.outerOpen = true;
    this.mark = randomBytes(8).toString('hex');
    await this.client.query(`SELECT set_config('${markSetting}', '${this.mark}', true)`);
    await applyRunTimeouts(this.client, this.timeouts, true);
  }

  /** After a statement that ran inside our transaction: is it still ours? ('I' idle: ended; 'T' but unmarked: a new one.) */
  private async assertStillInOurTransaction(sql: string): Promise<void> {
    const status = this.client.getTransactionStatus();
    if (status === 'T') {
      // Still in a transaction: only a statement naming a transaction end can have ended ours and
      // opened another. Asking for every other statement doubled a run's round trips (1,000 migrations: +2,000).
      if (typeof sql === 'string' && !mayEndTransaction.test(sql)) return;
      const { rows } = await this.client.query<{ mark: string | null }>(`SELECT current_setting('${markSetting}', true) AS mark`);
      if (rows[0]?.mark === this.mark) return;
    }
    if (status === 'E') return; // failed but still ours: the statement's own error is on its way
    this.transactionEnded = true;
    const error = new TransactionEndedError(sql);
    this.lastError = { statement: sql, error };
    throw error;
  }

  private async begin(): Promise<pg.QueryResult> {
    if (!this.migrationsStarted && this.gate) await this.gate;
    await this.openOuter();
    const savepoint = `pgm_studio_${(this.counter += 1)}`;
    await this.client.query(`SAVEPOINT ${savepoint}`);
    this.savepoints.push(savepoint);
    if (!this.migrationsStarted) {
      this.migrationsStarted = true;
      this.observer.migrationsBegin();
    }
    return emptyResult('BEGIN');
  }

  private async release(command: string): Promise<pg.QueryResult> {
    const savepoint = this.savepoints.pop();
    if (savepoint) await this.client.query(`RELEASE SAVEPOINT ${savepoint}`);
    return emptyResult(command);
  }

  private async rollback(): Promise<pg.QueryResult> {
    const savepoint = this.savepoints.pop();
    // Our savepoints went with the transaction the migration ended; finish() cleans up.
    if (this.transactionEnded) return emptyResult('ROLLBACK');
    // With no savepoint (a failure outside any transaction) the outer ROLLBACK in finish() does the work.
    if (savepoint && this.outerOpen) await this.client.query(`ROLLBACK TO SAVEPOINT ${savepoint}`).catch(() => undefined);
    return emptyResult('ROLLBACK');
  }

  private async execute(sql: string, values: unknown[] | undefined): Promise<pg.QueryResult> {
    if (this.transactionEnded) throw new TransactionEndedError(sql);
    if (this.migrationsStarted && this.savepoints.length === 0) {
      this.ranOutsideTransaction = true;
      if (this.mode === 'commit' && this.outerOpen) {
        await this.client.query('COMMIT');
        this.outerOpen = false;
        this.observer.committed();
        this.observer.outsideTransaction?.();
        await this.beforeAutocommit();
        await applyRunTimeouts(this.client, this.timeouts, false);
      }
    }
    const inOurTransaction = this.outerOpen;
    this.statements.push(sql);
    let result: pg.QueryResult;
    try {
      result = await this.client.query(sql, values);
    } catch (error) {
      this.lastError = { statement: sql, error };
      this.failedOutsideTransaction = !inOurTransaction;
      throw error;
    }
    if (inOurTransaction) await this.assertStillInOurTransaction(sql);
    this.observer.executed(sql, this.mode === 'commit' && !this.outerOpen);
    return result;
  }
}
