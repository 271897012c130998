import { randomUUID } from 'node:crypto';
import { runSelectionSchema, StudioError, type MigrationFailure, type MigrationRunResponse, type ProjectSettings, type RehearsalResult, type RunPlan, type RunSelection } from '../../contract';
import { withClient, type DatabaseTarget } from '../database';
import { readAppliedMigrations } from './appliedMigrations';
import { executeCommand, type CommandOptions, type CommandOutcome, type StepSelection } from './executeCommand';
import { describeSchemaChanges, isUnchanged } from './failureAftermath';
import type { TransactionMode } from './transactionalClient';
import { listMigrationFilesToRun } from './migrationFiles';
import { rehearsalLocks } from './rehearsalLocks';
import { assertOrder, planSelection } from './plan';
import type { RunOptions } from './types';

function parseSelection(selection: RunSelection): RunSelection {
  const parsed = runSelectionSchema.safeParse(selection);
  if (parsed.success) return parsed.data;
  throw new StudioError('invalid-input', `Invalid selection: ${parsed.error.issues.map((i) => i.message).join('; ')}`, {
    hint: 'Give a direction (up or down) and at most one of count (a positive integer) or to (a migration name).',
  });
}

function summary(outcome: CommandOutcome, rehearsal: boolean): string {
  const ran = outcome.plans.reduce((n, p) => n + p.plan.length, 0);
  const { failure } = outcome;
  if (!failure) {
    if (ran === 0) return 'No migrations to run: the database is up to date with this selection.';
    if (!rehearsal) return 'Migrations executed successfully';
    return `Rehearsal succeeded: ${ran} migration(s) ran and were rolled back${outcome.verifiedUnchanged ? ' (checked: pgmigrations and the schema are as before)' : ''}.`;
  }
  if (failure.interrupted) return failure.message;
  const where = failure.migration ? `Migration ${failure.migration} failed` : 'The run failed';
  return `${rehearsal ? 'Rehearsal failed: ' : ''}${where}: ${failure.message}. ${aftermath(outcome, rehearsal)}`;
}

/** What the failed command left, as the database shows it after the rollback. */
function aftermath(outcome: CommandOutcome, rehearsal: boolean): string {
  const failure = outcome.failure as MigrationFailure;
  const { changes } = failure;
  const durable = outcome.durableCount === 0 || failure.endedTransaction
    ? ''
    : failure.outsideTransaction
      ? `${outcome.durableCount} migration(s) before it were already committed and stay applied.`
      : `${outcome.durableCount} migration(s) before a pgm.noTransaction() migration were already committed and stay applied; everything after was rolled back.`;
  if (!changes) {
    const unchecked = 'The database could not be checked afterwards: look at the status before going on.';
    return [durable || (rehearsal ? 'The rehearsal was rolled back.' : 'The command was rolled back.'), unchecked].join(' ');
  }
  if (isUnchanged(changes)) return rehearsal ? 'Nothing was changed (checked: pgmigrations and the schema are as before).' : 'The whole command was rolled back: the database is unchanged.';
  const parts = [durable];
  if (failure.endedTransaction) parts.push(`So ${rehearsal ? 'the rehearsal' : 'the command'} could not roll everything back: what ran outside its transaction stays.`);
  if (failure.outsideTransaction) {
    parts.push(`It ran outside a transaction (pgm.noTransaction()) and failed at its statement ${failure.outsideTransaction.failedStatement}: its earlier statements stay, and it is not recorded as applied.`);
  }
  if (changes.recorded.length) parts.push(`Now recorded as applied: ${changes.recorded.join(', ')}.`);
  if (changes.unrecorded.length) parts.push(`No longer recorded as applied: ${changes.unrecorded.join(', ')}.`);
  parts.push(`The database now differs from before the ${rehearsal ? 'rehearsal' : 'command'}: ${describeSchemaChanges(changes.schema)}.`);
  return parts.filter(Boolean).join(' ');
}

function runResponse(outcome: CommandOutcome, message: string): MigrationRunResponse {
  return {
    results: outcome.results,
    message,
    success: !outcome.failure,
    statements: outcome.statements,
    ...(outcome.failure ? { failure: outcome.failure } : {}),
  };
}

/** Runs a command; subscribers always get a run-finished, also when the command throws (lock held, broken file...). */
export async function execute(db: DatabaseTarget, project: ProjectSettings, steps: StepSelection[], mode: TransactionMode, options: (RunOptions & Partial<CommandOptions>) | undefined) {
  const runId = options?.runId ?? randomUUID();
  const finish = (success: boolean, message: string, rolledBack?: { name: string; direction: 'up' | 'down' }[]) =>
    options?.onEvent?.({ type: 'run-finished', runId, success, message, ...(rolledBack?.length ? { rolledBack } : {}) });
  try {
    const outcome = await executeCommand(db, project, steps, mode, { ...options, runId });
    const message = summary(outcome, mode === 'rehearse');
    // A rehearsal rolls everything back by design; a failed real run tells which finished ones did not stay.
    const rolledBack = mode === 'commit' ? outcome.results.filter((r) => r.rolledBack).map(({ name, direction }) => ({ name, direction })) : undefined;
    finish(!outcome.failure, message, rolledBack);
    return { outcome, message };
  } catch (error) {
    finish(false, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** Which migrations a selection would run or revert, in order. Reads only pgmigrations and the directory. */
export async function planRun(db: DatabaseTarget, project: ProjectSettings, selection: RunSelection): Promise<RunPlan> {
  const valid = parseSelection(selection);
  const files = await listMigrationFilesToRun(project.migrationsDir);
  const applied = await withClient(db, (client) => readAppliedMigrations(client, project));
  if (project.checkOrder) assertOrder(files, applied);
  return { direction: valid.direction, migrations: planSelection(files, applied, valid) };
}

/** up (all / next N / to NAME inclusive) or down (last / N / to NAME exclusive), atomically. */
export async function runMigrations(db: DatabaseTarget, project: ProjectSettings, selection: RunSelection, options?: RunOptions): Promise<MigrationRunResponse> {
  const valid = parseSelection(selection);
  const { outcome, message } = await execute(db, project, [() => valid], 'commit', options);
  return runResponse(outcome, message);
}

/** Down the last `count`, then up the same number, as one transaction (node-pg-migrate's redo, made atomic). */
export async function redoMigrations(db: DatabaseTarget, project: ProjectSettings, count: number, options?: RunOptions): Promise<MigrationRunResponse> {
  if (!Number.isInteger(count) || count < 1) {
    throw new StudioError('invalid-input', 'Redo needs a positive whole number of migrations.', { hint: 'Use --count N with N >= 1.' });
  }
  const { outcome, message } = await execute(
    db,
    project,
    // Nothing reverted means nothing to redo; and the up step re-applies exactly what was reverted,
    // never a pending migration that sorts before it (possible with check-order off).
    [() => ({ direction: 'down', count }), ([reverted]) => (reverted?.length ? { direction: 'up', count: reverted.length, exactly: [...reverted].reverse() } : null)],
    'commit',
    options,
  );
  return runResponse(outcome, message);
}

/** A real dry run: the selection executes inside a transaction that is always rolled back. */
export async function rehearse(db: DatabaseTarget, project: ProjectSettings, selection: RunSelection, options?: RunOptions): Promise<RehearsalResult> {
  const valid = parseSelection(selection);
  const { outcome, message } = await execute(db, project, [() => valid], 'rehearse', options);
  // A warning, never a reason for the rehearsal to fail: without it the drawer simply lists no locks.
  const locks = await rehearsalLocks(db, project, outcome.statements).catch(() => undefined);
  return {
    direction: valid.direction,
    plan: outcome.plans[0]?.plan ?? [],
    statements: outcome.statements,
    success: !outcome.failure,
    message,
    ...(outcome.failure ? { failure: outcome.failure } : {}),
    ...(locks?.length ? { locks } : {}),
  };
}
