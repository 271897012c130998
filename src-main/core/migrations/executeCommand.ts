import { runner } from 'node-pg-migrate';
import { StudioError, type RunActivity, type RunTimeouts, type SchemaSnapshot, type MigrationEvent, type MigrationFailure, type MigrationRunResult, type ProjectSettings, type RunSelection } from '../../contract';
import { readAppliedMigrations } from './appliedMigrations';
import { checkoutClient, explainDatabaseError, explainTimeout, hasSpareConnection, timeoutSettingOf, withClient, type DatabaseTarget } from '../database';
import { readSchemaSnapshot } from '../schema';
import { describeCommitFailure, describeFailure, isServerError } from './failure';
import { changesBetween, describeOutsideTransaction, isUnchanged, readDatabaseState, snapshotOptions, type DatabaseState } from './failureAftermath';
import { acquireMigrationLock, releaseMigrationLock } from './lock';
import { listMigrationFilesToRun } from './migrationFiles';
import { assertOrder, assertRanThePlan, planSelection } from './plan';
import { runnerLogger, runnerOptions } from './runnerOptions';
import { RunInterrupt } from './runInterrupt';
import { RunMonitor } from './runMonitor';
import { validRunTimeouts } from './runTimeouts';
import { RunTracker } from './runTracker';
import { findLoadError } from './scriptLoader';
import { TransactionalClient, TransactionEndedError, type TransactionMode } from './transactionalClient';
import type { RunOptions } from './types';

/** The operator confirmed a list; if the database or the folder changed since, run nothing. */
function assertConfirmedPlan(plan: readonly string[], confirmed: readonly string[]): void {
  if (plan.length === confirmed.length && plan.every((name, i) => name === confirmed[i])) return;
  throw new StudioError('plan-changed', `The migrations to run changed since you confirmed: now ${plan.length ? plan.join(', ') : 'none'}; you confirmed ${confirmed.length ? confirmed.join(', ') : 'none'}. Nothing was run.`, {
    hint: 'Someone applied or reverted migrations, or the migrations folder changed. Review the timeline and confirm again.',
    detail: { plan, confirmed },
  });
}

/**
 * One runner() call of a command; gets the plans of the earlier steps (redo's up repeats its down).
 * `exactly`: the step must plan these migrations, in this order, or the command stops (redo).
 */
export type StepSelection = (earlierPlans: string[][]) => (RunSelection & { exactly?: readonly string[] }) | null;

/** A step that must run exactly `expected` (redo's up half re-applies what its down half reverted). */
function assertStepPlan(plan: readonly string[], expected: readonly string[]): void {
  if (plan.length === expected.length && plan.every((name, i) => name === expected[i])) return;
  const intruders = plan.filter((name) => !expected.includes(name));
  throw new StudioError('plan-changed', `Redo would re-apply ${plan.join(', ') || 'nothing'} instead of ${expected.join(', ')}: ${intruders.length ? `${intruders.join(', ')} is pending and sorts before it (check-order is off)` : 'the migrations folder changed'}. Nothing was changed.`, {
    hint: `Apply or move the pending ${intruders.length === 1 ? 'migration' : 'migrations'} first, or revert with down and re-apply with up --to ${expected.at(-1) ?? ''}.`,
    detail: { plan, expected },
  });
}

/**
 * pgmigrations and the schema as they were before the command, read on a second pooled connection in
 * one read-only snapshot while runner() prepares on the command's own (its migrations table, loading
 * every migration file): a dozen catalog queries that took ~45 ms before every run now overlap that.
 * The command's transaction is invisible to this connection, and runner()'s first migration waits for
 * the read (TransactionalClient.holdMigrationsUntil), so nothing of the command can have been
 * committed when it reads. Null when the read fails: then nothing is claimed about the database afterwards.
 */
function readStartOnSideConnection(db: DatabaseTarget, project: ProjectSettings): Promise<DatabaseState | null> {
  return withClient(db, async (side) => {
    await side.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Before its first migration runner() may hold one lock this read would wait for (ALTER TABLE
    // pgmigrations ADD PRIMARY KEY on an old migrations table) while it waits for this read: give up instead.
    await side.query("SET LOCAL lock_timeout = '5s'");
    try {
      return await readDatabaseState(side, project);
    } finally {
      await side.query('ROLLBACK');
    }
  }).catch(() => null);
}

/** A failure at the run's lock_timeout or statement_timeout says which, what it waited for and who held it. */
function explainTimeoutFailure(failure: MigrationFailure, timeouts: RunTimeouts, lastWait: Pick<RunActivity, 'waitingFor' | 'blockers'> | null): void {
  const setting = timeoutSettingOf(failure.pgCode, failure.message);
  if (!setting) return;
  const value = (setting === 'lock_timeout' ? timeouts.lockTimeout : timeouts.statementTimeout) ?? null;
  const waitedFor = lastWait?.waitingFor ?? null;
  const blockers = lastWait?.blockers ?? [];
  const { message, hint } = explainTimeout(setting, value, waitedFor, blockers);
  failure.message = message;
  failure.hint = hint;
  failure.timeout = { setting, value, waitedFor, blockers };
}

export interface CommandOutcome {
  runId: string;
  plans: { direction: 'up' | 'down'; plan: string[] }[];
  results: MigrationRunResult[];
  statements: string[];
  failure?: MigrationFailure;
  /** Migrations committed for good although the command failed (pgm.noTransaction() breaks, or a migration's own COMMIT). */
  durableCount: number;
  /** A rehearsal (or a failed run) was checked afterwards: pgmigrations and the schema are as before the command. */
  verifiedUnchanged: boolean;
  /** With `captureSchemas`: the schema inside the transaction before each step that ran migrations, then after the last (absent after a failure). */
  stepSchemas: (SchemaSnapshot | null)[];
}

export interface CommandOptions extends RunOptions {
  runId: string;
  /** Snapshot the schema inside the transaction around each step (schema/migration-diff). */
  captureSchemas?: boolean;
}

/**
 * Runs the steps of one command under node-pg-migrate's advisory lock, in one outer transaction
 * that is committed at the end ('commit') or always rolled back ('rehearse'). A failing migration
 * resolves with `failure`; bad input, a held lock, a broken file or a lost connection throw.
 */
export async function executeCommand(
  db: DatabaseTarget,
  project: ProjectSettings,
  steps: StepSelection[],
  mode: TransactionMode,
  { runId, onEvent, expectedPlan, signal, timeouts, atEnd, captureSchemas }: CommandOptions,
): Promise<CommandOutcome> {
  const emit = (event: MigrationEvent): void => onEvent?.(event);
  const runTimeouts = validRunTimeouts(timeouts);
  const logger = runnerLogger(emit, runId);
  const files = await listMigrationFilesToRun(project.migrationsDir);
  // One pooled client for the whole command: the session-level advisory lock and the transaction live on it.
  const lease = await checkoutClient(db);
  const { client } = lease;
  const interrupt = new RunInterrupt(db, signal);
  const runClient = await interrupt.guard(client).catch(async (error: unknown) => {
    await lease.releaseSession();
    throw explainDatabaseError(error);
  });
  const tracker = new RunTracker(project, runId, emit);
  const pid = interrupt.backendPid;
  const monitor = pid === null ? null : new RunMonitor(db, pid, () => tracker.current, (activity) => emit({ type: 'run-activity', runId, ...activity }), runTimeouts.lockTimeout);
  // The schema just before a pgm.noTransaction() migration: what it leaves if it fails part-way.
  let beforeAutocommit: SchemaSnapshot | null = null;
  const tx = new TransactionalClient(runClient, mode, tracker, async () => {
    beforeAutocommit = await readSchemaSnapshot(client, snapshotOptions(project)).catch(() => null);
  }, runTimeouts);
  const plans: CommandOutcome['plans'] = [];
  let failure: MigrationFailure | undefined;
  // pgmigrations and the schema before the first migration ran, to tell the truth after a failure.
  let startRead: Promise<DatabaseState | null> | null = null;
  let start: DatabaseState | null = null;
  let after: DatabaseState | null = null;
  let failedStatement = 0;
  const stepSchemas: (SchemaSnapshot | null)[] = [];
  const captureSchema = async () => {
    if (captureSchemas) stepSchemas.push(await tx.readBehindSavepoint(() => readSchemaSnapshot(client, snapshotOptions(project))));
  };
  try {
    await acquireMigrationLock(client);
    monitor?.start();
    try {
      for (const step of steps) {
        if (interrupt.requested) break;
        const selection = step(plans.map((p) => p.plan));
        if (!selection) continue;
        await tx.startRunnerCall();
        const applied = await readAppliedMigrations(client, project);
        if (project.checkOrder) assertOrder(files, applied);
        const plan = planSelection(files, applied, selection);
        if (plans.length === 0 && expectedPlan) assertConfirmedPlan(plan, expectedPlan);
        if (selection.exactly) assertStepPlan(plan, selection.exactly);
        plans.push({ direction: selection.direction, plan });
        emit({ type: 'run-started', runId, direction: selection.direction, plan, rehearsal: mode === 'rehearse', ...(pid === null ? {} : { backendPid: pid }) });
        // Never call runner() with nothing to do: for `down`, count 0 would mean "all" (slice(-0)).
        if (plan.length === 0) continue;
        // Before any migration ran: the state the command started from. On a second connection while
        // runner() prepares; with a pool of one, here on the command's connection behind a savepoint, so a
        // failing catalog read cannot abort the run. Without it nothing is claimed about the database afterwards.
        if (startRead === null) {
          if (hasSpareConnection(db)) {
            startRead = readStartOnSideConnection(db, project);
            tx.holdMigrationsUntil(startRead);
          } else {
            startRead = Promise.resolve(await tx.readBehindSavepoint(() => readDatabaseState(client, project)));
          }
        }
        await captureSchema();
        tracker.startStep(selection.direction, plan);
        let ran: { name: string }[];
        try {
          ran = await interrupt.duringMigrations(() => runner(runnerOptions(project, tx, files, selection.direction, plan.length, logger)));
        } catch (error) {
          const loadError = findLoadError(error);
          if (loadError) {
            throw new StudioError('invalid-project', loadError.message, {
              hint: `Fix ${loadError.file} (node-pg-migrate loads every migration file before running any). Nothing was run.`,
              detail: { file: loadError.file },
            });
          }
          failure = interrupt.requested ? interrupt.failure(tracker, mode) : describeFailure(error, tracker.current, tx.lastError);
          if (!failure.interrupted) explainTimeoutFailure(failure, runTimeouts, monitor?.lastWait ?? null);
          if (mode === 'rehearse' && tx.ranOutsideTransaction && failure.pgCode === '25001') {
            failure.hint = 'This migration opts out of transactions (pgm.noTransaction()), so it cannot be rehearsed inside a rolled-back transaction. Rehearse it on a copy of the database instead.';
          }
          if (error instanceof TransactionEndedError || tx.transactionEnded) {
            failure.endedTransaction = true;
            failure.hint = 'Remove COMMIT, ROLLBACK, END and BEGIN from the migration\'s SQL: PGM Studio runs each command in one transaction. A migration that must run outside a transaction calls pgm.noTransaction() instead.';
          }
          failedStatement = tracker.statementsRun + 1;
          break;
        }
        assertRanThePlan(plan, ran.map((m) => m.name), tracker.durableCount());
      }
      // Interrupted after the last migration but before COMMIT: roll back all the same.
      if (!failure && interrupt.requested) failure = interrupt.failure(tracker, mode);
      // The end state inside the transaction (a rehearsal's, before its rollback): read behind a savepoint, so it cannot fail the run.
      if (!failure && atEnd && plans.some((p) => p.plan.length > 0)) await tx.readBehindSavepoint(() => atEnd(client));
      if (!failure && stepSchemas.length > 0) await captureSchema();
      if (failure) await tx.finish(false);
      else {
        try {
          await tx.finish(true);
        } catch (error) {
          // A deferred constraint fails the COMMIT: a failure of the migrations, rolled back by PostgreSQL.
          if (!isServerError(error)) throw error;
          failure = describeCommitFailure(error);
        }
      }
      start = await (startRead ?? null);
      if (start && (failure || mode === 'rehearse')) after = await readDatabaseState(client, project).catch(() => null);
      if (!failure && start && after && !isUnchanged(changesBetween(start, after))) {
        // Never claim a rehearsal changed nothing unless the database says so.
        failure = { migration: null, message: 'the rehearsal was rolled back, but the database differs from before it', changes: changesBetween(start, after) };
      }
      if (failure && start && after) {
        failure.changes = changesBetween(start, after);
        if (mode === 'commit' && tx.failedOutsideTransaction && beforeAutocommit) describeOutsideTransaction(failure, failedStatement, beforeAutocommit, after.schema, project);
      }
      // A ROLLBACK in the migration may have discarded everything: say "committed" only when something stayed.
      if (failure?.endedTransaction && !(failure.changes && isUnchanged(failure.changes))) failure.hint = `${failure.hint ?? ''} Check the changes listed here: they were committed.`.trim();
      if (failure) tracker.failed(failure);
    } catch (error) {
      await tx.finish(false).catch(() => undefined);
      throw explainDatabaseError(error);
    } finally {
      // The side read never outlives the command (it never rejects).
      await startRead;
      // A failed unlock (lost connection) is harmless: resetting or closing the session below releases the lock too.
      await releaseMigrationLock(client).catch(() => undefined);
    }
  } finally {
    await monitor?.stop();
    interrupt.dispose();
    // Back to the pool with a reset session, or destroyed when its state is unknown (lost connection, open transaction).
    await lease.releaseSession();
  }
  const applied = start && after ? { before: start.applied, after: after.applied } : undefined;
  const verifiedUnchanged = Boolean(start && after && isUnchanged(changesBetween(start, after)));
  return { runId, plans, results: tracker.results(failure === undefined, applied), statements: tx.statements, failure, durableCount: tracker.durableCount(applied), verifiedUnchanged, stepSchemas };
}
