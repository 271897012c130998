import { IconArrowBackUp, IconFlask, IconPlayerPlay } from '@tabler/icons-react';
import type { PaletteAction, SectionActionContext } from '../../app/sections';
import type { RunRequest } from '../../app/run/useRunFlow';

export const runPendingRequest: RunRequest = { mode: 'run', selection: { direction: 'up' }, label: 'Run pending migrations' };
export const rehearsePendingRequest: RunRequest = { mode: 'rehearse', selection: { direction: 'up' }, label: 'Rehearse pending migrations' };
export const rollBackLastRequest: RunRequest = { mode: 'run', selection: { direction: 'down', count: 1 }, label: 'Roll back the last migration' };
export const runPendingCheckOrderOffRequest: RunRequest = { ...runPendingRequest, label: 'Run pending migrations, check-order off for this run', checkOrderOff: true };

/** Why a whole-timeline action cannot run now, or null: the same reasons the summary's buttons give. */
export function timelineActionReason(context: SectionActionContext, needs: 'pending' | 'applied'): string | null {
  const { run, status } = context;
  if (!status) return 'The status is not loaded yet.';
  if (run.busy) return 'A run is in progress.';
  if (run.blocker) return run.blocker.reason;
  if (needs === 'pending' && status.pendingMigrations.length === 0) return 'Nothing is pending: the database is up to date.';
  if (needs === 'applied' && status.appliedMigrations.length === 0) return 'Nothing is applied yet.';
  return null;
}

/** The timeline's actions in the command palette. */
export function timelineActions(context: SectionActionContext): PaletteAction[] {
  const { run } = context;
  const actions: PaletteAction[] = [
    { id: 'run-pending', label: 'Run pending migrations…', description: 'Shows the plan and asks before anything runs', icon: IconPlayerPlay, disabledReason: timelineActionReason(context, 'pending'), keywords: ['up', 'apply', 'migrate'], run: () => run.request(runPendingRequest) },
    { id: 'rehearse-pending', label: 'Rehearse pending migrations', description: 'Runs them in a transaction that is rolled back', icon: IconFlask, disabledReason: timelineActionReason(context, 'pending'), keywords: ['dry run', 'test'], run: () => run.request(rehearsePendingRequest) },
    { id: 'roll-back-last', label: 'Roll back the last migration…', description: 'Shows what is reverted and asks first', icon: IconArrowBackUp, disabledReason: timelineActionReason(context, 'applied'), keywords: ['down', 'revert', 'undo'], run: () => run.request(rollBackLastRequest) },
  ];
  if (run.blocker?.kind === 'check-order' && !run.busy && (context.status?.pendingMigrations.length ?? 0) > 0) {
    actions.push({ id: 'run-pending-check-order-off', label: 'Run pending with check-order off (this run only)…', description: run.blocker.reason, icon: IconPlayerPlay, keywords: ['out of order', 'no-check-order'], run: () => run.request(runPendingCheckOrderOffRequest) });
  }
  return actions;
}
