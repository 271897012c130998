import { runner } from 'node-pg-migrate';
import { StudioError, type MigrationEvent, type MigrationFailure, type MigrationRunResult, type ProjectSettings, type RunSelection } from '../../contract';
import { readAppliedMigrations } from './appliedMigrations';
import { connect } from './connection';
import { describeFailure, explainDatabaseError } from './failure';
import { acquireMigrationLock, releaseMigrationLock } from './lock';
import { listMigrationFilesToRun } from './migrationFiles';
import { assertOrder, assertRanThePlan, planSelection } from './plan';
import { runnerLogger, runnerOptions } from './runnerOptions';
import { RunTracker } from './runTracker';
import { findLoadError } from './scriptLoader';
import { TransactionalClient, type TransactionMode } from './transactionalClient';
import type { DatabaseTarget, RunOptions } from './types';

/** The operator confirmed a list; if the database or the folder changed since, run nothing. */
function assertConfirmedPlan(plan: readonly string[], confirmed: readonly string[]): void {
  if (plan.length === confirmed.length && plan.every((name, i) => name === confirmed[i])) return;
  throw new StudioError('plan-changed', `The migrations to run changed since you confirmed: now ${plan.length ? plan.join(', ') : 'none'}; you confirmed ${confirmed.length ? confirmed.join(', ') : 'none'}. Nothing was run.`, {
    hint: 'Someone applied or reverted migrations, or the migrations folder changed. Review the timeline and confirm again.',
    detail: { plan, confirmed },
  });
}

/** One runner() call of a command; gets the plans of the earlier steps (redo's up repeats its down). */
export type StepSelection = (earlierPlans: string[][]) => RunSelection | null;

export interface CommandOutcome {
  runId: string;
  plans: { direction: 'up' | 'down'; plan: string[] }[];
  results: MigrationRunResult[];
  statements: string[];
  failure?: MigrationFailure;
  /** Migrations committed for good although the command failed (pgm.noTransaction() breaks). */
  durableCount: number;
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
  { runId, onEvent, expectedPlan }: RunOptions & { runId: string },
): Promise<CommandOutcome> {
  const emit = (event: MigrationEvent): void => onEvent?.(event);
  const logger = runnerLogger(emit, runId);
  const files = await listMigrationFilesToRun(project.migrationsDir);
  const client = await connect(db);
  const tracker = new RunTracker(project, runId, emit);
  const tx = new TransactionalClient(client, mode, tracker);
  const plans: CommandOutcome['plans'] = [];
  let failure: MigrationFailure | undefined;
  try {
    await acquireMigrationLock(client);
    try {
      for (const step of steps) {
        const selection = step(plans.map((p) => p.plan));
        if (!selection) continue;
        await tx.startRunnerCall();
        const applied = await readAppliedMigrations(client, project);
        if (project.checkOrder) assertOrder(files, applied);
        const plan = planSelection(files, applied, selection);
        if (plans.length === 0 && expectedPlan) assertConfirmedPlan(plan, expectedPlan);
        plans.push({ direction: selection.direction, plan });
        emit({ type: 'run-started', runId, direction: selection.direction, plan, rehearsal: mode === 'rehearse' });
        // Never call runner() with nothing to do: for `down`, count 0 would mean "all" (slice(-0)).
        if (plan.length === 0) continue;
        tracker.startStep(selection.direction, plan);
        let ran: { name: string }[];
        try {
          ran = await runner(runnerOptions(project, tx, files, selection.direction, plan.length, logger));
        } catch (error) {
          const loadError = findLoadError(error);
          if (loadError) {
            throw new StudioError('invalid-project', loadError.message, {
              hint: `Fix ${loadError.file} (node-pg-migrate loads every migration file before running any). Nothing was run.`,
              detail: { file: loadError.file },
            });
          }
          failure = describeFailure(error, tracker.current, tx.lastError);
          if (mode === 'rehearse' && tx.ranOutsideTransaction && failure.pgCode === '25001') {
            failure.hint = 'This migration opts out of transactions (pgm.noTransaction()), so it cannot be rehearsed inside a rolled-back transaction. Rehearse it on a copy of the database instead.';
          }
          tracker.failed(failure);
          break;
        }
        assertRanThePlan(plan, ran.map((m) => m.name), tracker.durableCount());
      }
      await tx.finish(failure === undefined);
    } catch (error) {
      await tx.finish(false).catch(() => undefined);
      throw explainDatabaseError(error);
    } finally {
      // A failed unlock (lost connection) is harmless: ending the session below releases the lock too.
      await releaseMigrationLock(client).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return { runId, plans, results: tracker.results(failure === undefined), statements: tx.statements, failure, durableCount: tracker.durableCount() };
}
