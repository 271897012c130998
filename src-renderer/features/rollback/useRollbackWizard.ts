import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isProductionConnection, type BackupRecord, type RollbackReport } from '../../../src-main/contract';
import { connectionTarget, queryKeys, useCurrentConnection, useMigrationStatus } from '../../lib/queries';
import { studio } from '../../lib/studio';
import { toStudioError } from '../../lib/studioError';
import { useStudioEvents } from '../../lib/useStudioEvents';
import { backupKeys } from '../backups/backupQueries';
import { reduceRollbackProgress, type RollbackProgress } from './rollbackProgress';
import { emptySkip, skipUnlocked, type SkipBackupTyping } from './SkipBackupGuard';
import type { WizardStop } from './WizardStopped';

export const wizardSteps = ['Target', 'Pre-flight', 'Backup', 'Verify', 'Rehearse', 'Run', 'Integrity', 'Summary'] as const;
export type WizardStepIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

const engineStepNames = { backup: 'Backup', verify: 'Verify', rehearse: 'Rehearse', run: 'Run', integrity: 'Integrity', report: 'Summary' } as const;

/** Errors thrown by rollback/run mean it refused before anything ran. */
const refusedBeforeRunning = new Set(['invalid-input', 'confirmation-required', 'plan-changed', 'lock-held', 'not-found', 'connection-failed']);

/** Everything the wizard knows and does: one call per step, each result kept for the steps after it. */
export function useRollbackWizard(initialTarget: string | null) {
  const queryClient = useQueryClient();
  const connections = useCurrentConnection();
  const target = connectionTarget(connections.currentId);
  const status = useMigrationStatus(connections.currentId, connections.isSuccess);
  const [active, setActive] = useState<WizardStepIndex>(0);
  const [toMigration, setToMigration] = useState<string | null>(initialTarget);
  const [appStopped, setAppStopped] = useState(false);
  const [backupMode, setBackupMode] = useState<'backup' | 'skip'>('backup');
  const [skip, setSkip] = useState<SkipBackupTyping>(emptySkip);
  const [testRestore, setTestRestore] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [progress, setProgress] = useState<RollbackProgress | null>(null);

  const plan = useQuery({
    queryKey: ['rollback', 'plan', connections.currentId, toMigration],
    queryFn: () => studio.rollback.plan({ ...target, toMigration: toMigration ?? '' }),
    enabled: toMigration !== null && connections.isSuccess,
    staleTime: Infinity,
    meta: { silent: true },
  });
  const preflight = useQuery({
    queryKey: ['rollback', 'preflight', connections.currentId],
    queryFn: () => studio.rollback.preflight(target),
    enabled: active >= 1 && connections.isSuccess,
    meta: { silent: true },
  });

  const backup = useMutation({
    mutationFn: () => studio.backups.create(target),
    meta: { inlineErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: backupKeys.all }),
  });
  const cancelBackup = useMutation({ mutationFn: (id: string | undefined) => studio.backups.cancel(id ? { id } : {}), meta: { inlineErrors: true } });
  const verify = useMutation({
    mutationFn: (id: string) => studio.backups.verify({ id, testRestore }),
    meta: { inlineErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: backupKeys.all }),
  });
  const rehearse = useMutation({
    mutationFn: () => studio.migrations.rehearse({ ...target, selection: { direction: 'down', to: toMigration ?? '' } }),
    meta: { inlineErrors: true },
  });
  const run = useMutation({
    mutationFn: (backupRecord: BackupRecord | null): Promise<RollbackReport> =>
      studio.rollback.run({
        ...target,
        toMigration: toMigration ?? '',
        backup: backupRecord ? { id: backupRecord.id } : { skip },
        expectedPlan: plan.data?.migrations.map((m) => m.name) ?? [],
        ...(typedName ? { confirm: typedName } : {}),
      }),
    meta: { inlineErrors: true },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.migrations });
      void queryClient.invalidateQueries({ queryKey: backupKeys.all });
    },
  });

  useStudioEvents((event) => setProgress((state) => reduceRollbackProgress(state, event, run.isPending)));

  const backupRecord = backup.data ?? null;
  const databaseName = plan.data?.databaseName ?? connections.current?.database ?? '';
  const report = run.data ?? null;
  const production = plan.data?.production ?? (connections.current ? isProductionConnection(connections.current) : false);

  const stop = stopOf({ verification: verify, rehearsal: rehearse, report, runError: run.error });

  const canNext: Record<WizardStepIndex, boolean> = {
    0: !!plan.data && plan.data.migrations.length > 0 && plan.data.migrations.every((m) => m.usableDown),
    1: !!preflight.data && appStopped && !preflight.data.migrationLockHolder,
    2: backupMode === 'backup' ? backupRecord?.status === 'complete' : skipUnlocked(skip, databaseName),
    3: backupMode === 'skip' || verify.data?.ok === true,
    4: rehearse.data?.success === true,
    // Once the run has reported, its integrity report and summary are shown whatever the outcome.
    5: report !== null,
    6: report !== null,
    7: false,
  };

  function choose(name: string | null) {
    setToMigration(name);
    rehearse.reset();
  }

  return {
    active, setActive, canNext, stop,
    status, plan, preflight, toMigration, choose, databaseName, production,
    appStopped, setAppStopped,
    backupMode, setBackupMode, skip, setSkip, backup, backupRecord, cancelBackup,
    testRestore, setTestRestore, verify,
    rehearse,
    typedName, setTypedName, run, report, progress,
  };
}

interface StopSources {
  verification: { data?: { ok: boolean; problems: string[] } | undefined; error: unknown };
  rehearsal: { data?: { success: boolean; message: string; failure?: { hint?: string } } | undefined; error: unknown };
  report: RollbackReport | null;
  runError: unknown;
}

/** The first failed step, in the wizard's words; null while nothing has failed. */
function stopOf({ verification, rehearsal, report, runError }: StopSources): WizardStop | null {
  if (verification.error) return { step: 'Verify', ...errorWords(verification.error), databaseChanged: false };
  if (verification.data && !verification.data.ok) return { step: 'Verify', message: `The backup did not pass verification: ${verification.data.problems.join(' ')}`, hint: 'Make a new backup (Backups section), then start the guided rollback again.', databaseChanged: false };
  if (rehearsal.error) return { step: 'Rehearse', ...errorWords(rehearsal.error), databaseChanged: false };
  if (rehearsal.data && !rehearsal.data.success) return { step: 'Rehearse', message: `The rehearsal of the downs failed: ${rehearsal.data.message}`, hint: rehearsal.data.failure?.hint ?? 'Fix the failing down step (shown above), then start again.', databaseChanged: false };
  if (runError) {
    const shape = toStudioError(runError);
    return { step: 'Run', message: shape.message, hint: shape.hint, databaseChanged: refusedBeforeRunning.has(shape.code) ? false : null };
  }
  if (report && !report.success) {
    const step = report.failedStep ? engineStepNames[report.failedStep] : 'Run';
    const hint = report.run?.failure?.hint ?? report.steps.find((s) => s.step === report.failedStep)?.hint;
    return { step, message: report.message, hint, databaseChanged: report.databaseChanged };
  }
  return null;
}

function errorWords(error: unknown): { message: string; hint?: string } {
  const shape = toStudioError(error);
  return { message: shape.message, hint: shape.hint };
}
