import type { LockHolder, MigrationStatus } from '../../../src-main/contract';
import { relativeTime } from '../../lib/relativeTime';

/**
 * Why a run, rehearsal or rollback cannot succeed right now, known before anything is clicked.
 * `check-order`: node-pg-migrate's check-order would refuse it; running with it off is the operator's call.
 */
export type RunBlocker = { kind: 'lock'; reason: string } | { kind: 'check-order'; reason: string };

/** Who holds node-pg-migrate's advisory lock, as the operator can recognise the session. */
export function lockHolderLabel(lock: LockHolder): string {
  return [lock.applicationName || 'unnamed client', lock.clientAddress, `pid ${lock.pid}`].filter(Boolean).join(', ');
}

function lockReason(lock: LockHolder, now: number): string {
  const since = lock.since ? ` since ${relativeTime(lock.since, now)}` : '';
  return `Another session holds the migration lock (${lockHolderLabel(lock)})${since}. Runs, rehearsals and rollbacks wait until it is released.`;
}

/**
 * The first place check-order trips over, read the way the engine's assertOrder (and node-pg-migrate's
 * runner) reads it: the n-th applied migration, in run order, must be the n-th file.
 */
function checkOrderReason(status: MigrationStatus): string | null {
  const files = status.migrations.filter((m) => m.file !== null);
  const fileNames = new Set(files.map((m) => m.name));
  const length = Math.min(files.length, status.appliedMigrations.length);
  for (let i = 0; i < length; i += 1) {
    const ran = status.appliedMigrations[i] as string;
    const file = files[i] as (typeof files)[number];
    if (ran === file.name) continue;
    if (!fileNames.has(ran)) return `Check-order would refuse this run: ${ran} is applied but its file is missing.`;
    if (file.state === 'applied') return `Check-order would refuse this run: ${file.name} was applied after ${ran} although it sorts before it.`;
    return `Check-order would refuse this run: ${file.name} is pending but sorts before ${ran}, which is already applied.`;
  }
  return null;
}

/** The lock comes first: turning check-order off would not get past it. */
export function runBlocker(input: { status: MigrationStatus | undefined; lock: LockHolder | null | undefined; checkOrder: boolean; now?: number; ownRunPid?: number | null }): RunBlocker | null {
  // The lock held by the run in progress (its own backend, from its start event) is not "another session".
  if (input.lock && input.lock.pid !== input.ownRunPid) return { kind: 'lock', reason: lockReason(input.lock, input.now ?? Date.now()) };
  if (!input.checkOrder || !input.status) return null;
  const reason = checkOrderReason(input.status);
  return reason ? { kind: 'check-order', reason } : null;
}
