import { randomUUID } from 'node:crypto';
import {
  maxRunCount, rollbackTargetLabel, skipBackupPhrase, StudioError, type BackupEvent, type BackupRecord, type BackupTable, type BackupVerification, type MigrationEvent, type MigrationRunResponse,
  type ProjectSettings, type RollbackEvent, type RollbackReport, type RollbackStep, type RollbackStepResult, type RollbackStepState, type RunSelection, type RunTimeouts, type SchemaSnapshot,
} from '../../contract';
import { describeTarget, identityOf, withClient, type DatabaseTarget } from '../database';
import { assertUsable, backupFolder, createBackup, loadBackupRecord, saveBackupRecord, verifyBackup, type DiscoveryOptions } from '../backups';
import { planRun, runMigrations } from '../migrations';
import { rehearseDowns, snapshotOptionsOf } from './downStake';
import { checkIntegrity, rowCountsNow } from './integrityCheck';
import { rollbacksFolder, saveRollbackReport } from './rollbackReport';

export type RollbackBackupChoice = { create: true; schemas?: string[] } | { id: string } | { skip: { typedDatabaseName: string; phrase: string } };

export interface RollbackRequest {
  /** null: revert every applied migration. */
  toMigration: string | null;
  backup: RollbackBackupChoice;
  /** For the rehearsal and the downs; lock_timeout defaults to defaultLockTimeout. */
  timeouts?: RunTimeouts;
  expectedPlan?: readonly string[];
}

export interface RollbackContext extends DiscoveryOptions {
  dataDir: string;
  project: ProjectSettings;
  runId: string;
  signal?: AbortSignal;
  onEvent?: (event: RollbackEvent | BackupEvent | MigrationEvent) => void;
  /** The backup's id as soon as it has one (cancel by id). */
  onBackupStart?: (id: string) => void;
}

export const defaultLockTimeout = '5s';

/** Skipping the backup takes the database's name and the phrase, exactly; checked before anything runs. */
export function assertSkipConfirmed(databaseName: string, skip: { typedDatabaseName: string; phrase: string }): void {
  if (skip.typedDatabaseName === databaseName && skip.phrase.trim().toLowerCase() === skipBackupPhrase) return;
  throw new StudioError('confirmation-required', 'Skipping the backup needs the database\'s name and the phrase typed exactly. Nothing was run.', {
    hint: `Type ${databaseName} and "${skipBackupPhrase}", or keep the backup (recommended).`,
    detail: { database: databaseName, phrase: skipBackupPhrase },
  });
}

class StepFailed extends Error {}

/**
 * Backup → verify → rehearse → run the downs (one transaction, lock_timeout) → integrity check →
 * report. Stops at the first failing step: before the run nothing has changed; a failing run rolls
 * back whole (the engine's one transaction), so the database is as before and the backup intact.
 */
export async function runRollback(target: DatabaseTarget, request: RollbackRequest, context: RollbackContext): Promise<RollbackReport> {
  const id = randomUUID();
  const emit = (event: RollbackEvent | BackupEvent | MigrationEvent) => context.onEvent?.(event);
  const databaseName = identityOf(target).database;
  const database = describeTarget(target);
  if ('skip' in request.backup) assertSkipConfirmed(databaseName, request.backup.skip);
  // Reverting everything is a down of every applied migration: the same steps, nothing left applied.
  const selection: RunSelection = request.toMigration === null ? { direction: 'down', count: maxRunCount } : { direction: 'down', to: request.toMigration };
  const timeouts: RunTimeouts = { lockTimeout: defaultLockTimeout, ...request.timeouts };
  const { migrations: plan } = await planRun(target, context.project, selection);
  if (plan.length === 0) {
    const why = request.toMigration === null ? 'no migration is applied' : `${request.toMigration} is the last applied migration (or not applied)`;
    throw new StudioError('invalid-input', `Nothing to roll back: ${why}.`, { hint: 'Pick an applied migration before the last one.' });
  }
  if (request.expectedPlan && (request.expectedPlan.length !== plan.length || request.expectedPlan.some((n, i) => n !== plan[i]))) {
    throw new StudioError('plan-changed', `The migrations to revert changed since you confirmed: now ${plan.join(', ')}. Nothing was run.`, { hint: 'Review the plan again and confirm.', detail: { plan, confirmed: request.expectedPlan } });
  }
  const startedAt = new Date().toISOString();
  const steps: RollbackStepResult[] = (['backup', 'verify', 'rehearse', 'run', 'integrity', 'report'] as RollbackStep[]).map((step) => ({ step, state: 'pending', message: '', durationMs: null }));
  emit({ type: 'rollback-started', rollbackId: id, database, toMigration: request.toMigration, plan, steps: steps.map((s) => s.step) });
  const mark = (step: RollbackStep, state: RollbackStepState, message: string, durationMs: number | null = null, backupId?: string, hint?: string) => {
    const entry = steps.find((s) => s.step === step)!;
    Object.assign(entry, { state, message, durationMs }, hint ? { hint } : {});
    emit({ type: 'rollback-step', rollbackId: id, step, state, message, ...(durationMs === null ? {} : { durationMs }), ...(backupId ? { backupId } : {}) });
  };
  const timed = async <T>(step: RollbackStep, work: () => Promise<{ value: T; ok: boolean; message: string; backupId?: string; hint?: string }>): Promise<T> => {
    const started = Date.now();
    mark(step, 'running', '');
    let outcome: { value: T; ok: boolean; message: string; backupId?: string; hint?: string };
    try {
      outcome = await work();
    } catch (error) {
      mark(step, 'failed', error instanceof Error ? error.message : String(error), Date.now() - started, undefined, error instanceof StudioError ? error.hint : undefined);
      throw new StepFailed();
    }
    mark(step, outcome.ok ? 'done' : 'failed', outcome.message, Date.now() - started, outcome.backupId, outcome.ok ? undefined : outcome.hint);
    if (!outcome.ok) throw new StepFailed();
    return outcome.value;
  };

  let backup: BackupRecord | null = null;
  let verification: BackupVerification | null = null;
  let run: MigrationRunResponse | null = null;
  let integrity: RollbackReport['integrity'] = null;
  let databaseChanged = false;
  let failedStep: RollbackStep | null = null;
  const migrationsTable = snapshotOptionsOf(context.project).migrationsTable;
  try {
    if ('skip' in request.backup) {
      mark('backup', 'skipped', 'Skipped by the operator (database name and phrase typed).');
      mark('verify', 'skipped', 'No backup to verify.');
    } else {
      const choice = request.backup;
      backup = await timed('backup', async () => {
        if ('id' in choice) {
          const existing = await loadBackupRecord(context.dataDir, choice.id);
          assertUsable(existing, 'used for this rollback');
          if (existing.databaseName !== databaseName || existing.database !== database) {
            throw new StudioError('invalid-input', `Backup ${existing.id} is of ${existing.database}, not ${database}.`, { hint: 'Pick a backup of this database, or make a new one.' });
          }
          return { value: existing, ok: true, message: `Using backup ${existing.id} of ${existing.createdAt}.`, backupId: existing.id };
        }
        const made = await createBackup(target, {
          ...context, migrationsTable, schemas: choice.schemas, origin: { kind: 'rollback', rollbackId: id }, signal: context.signal, onEvent: emit, onStart: context.onBackupStart,
        });
        return { value: made, ok: made.status === 'complete', message: made.status === 'complete' ? `Backup ${made.id}: ${made.tables.length} tables, ${made.sizeBytes ?? 0} bytes.` : `The backup is ${made.status}: ${made.message ?? ''}`, backupId: made.id };
      });
      const record = backup;
      verification = await timed('verify', async () => {
        const checked = await verifyBackup(target, record, context);
        return { value: checked, ok: checked.ok, message: checked.ok ? `pg_restore lists all ${record.tables.length} tables; SHA-256 matches.` : checked.problems.join(' ') };
      });
      backup = { ...record, verification, verified: verification.ok };
      await saveBackupRecord(context.dataDir, backup);
    }
    let expected: SchemaSnapshot | null = null;
    await timed('rehearse', async () => {
      const rehearsed = await rehearseDowns(target, context.project, selection, { runId: context.runId, signal: context.signal, onEvent: emit, production: false, timeouts });
      expected = rehearsed.expected;
      return { value: null, ok: rehearsed.rehearsal.success, message: rehearsed.rehearsal.message, hint: rehearsed.rehearsal.failure?.hint };
    });
    const before: BackupTable[] = await withClient(target, (client) => rowCountsNow(client));
    run = await timed('run', async () => {
      const response = await runMigrations(target, context.project, selection, { runId: context.runId, signal: context.signal, onEvent: emit, expectedPlan: plan, timeouts });
      databaseChanged = response.success;
      return { value: response, ok: response.success, message: response.message, hint: response.failure?.hint };
    });
    integrity = await timed('integrity', async () => {
      const checked = await withClient(target, (client) => checkIntegrity(client, before, expected, snapshotOptionsOf(context.project)));
      return { value: checked, ok: checked.ok, message: checked.ok ? `${checked.rowCounts.length} remaining tables keep their rows; no orphans; nothing invalid; schema as rehearsed.` : checked.problems.join(' ') };
    });
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    failedStep = steps.find((s) => s.state === 'failed')?.step ?? null;
  }
  for (const step of steps) if (step.state === 'pending') step.state = failedStep ? 'skipped' : 'pending';
  const success = failedStep === null;
  const failedMessage = steps.find((s) => s.step === failedStep)?.message ?? '';
  const unchangedNote = databaseChanged ? 'The downs were committed.' : `The database is unchanged${backup ? ` and backup ${backup.id} is intact` : ''}.`;
  const report: RollbackReport = {
    id,
    database,
    databaseName,
    toMigration: request.toMigration,
    startedAt,
    finishedAt: new Date().toISOString(),
    success,
    message: success ? `Rolled back to ${rollbackTargetLabel(request.toMigration)}: ${plan.length} migration(s) reverted, integrity check passed.` : `Stopped at ${failedStep}: ${failedMessage} ${unchangedNote}`.trim(),
    failedStep,
    steps,
    reverted: databaseChanged ? plan : [],
    plan,
    backup,
    backupSkipped: 'skip' in request.backup,
    verification,
    run,
    integrity,
    reportPaths: null,
    databaseChanged,
  };
  const reportStarted = Date.now();
  try {
    const folder = backup ? backupFolder(context.dataDir, backup.id) : rollbacksFolder(context.dataDir, id);
    report.reportPaths = await saveRollbackReport(folder, report);
    if (backup) await saveBackupRecord(context.dataDir, { ...backup, reportPath: report.reportPaths.json });
    mark('report', 'done', `Saved ${report.reportPaths.json} and .txt beside it.`, Date.now() - reportStarted);
  } catch (error) {
    mark('report', 'failed', `The report could not be saved: ${(error as Error).message}`, Date.now() - reportStarted);
  }
  emit({ type: 'rollback-finished', rollbackId: id, success, message: report.message, failedStep });
  return report;
}
