import { StudioError, type MigrationRunResponse, type RunPlan } from '../../../src-main/contract';
import type { DownSafety } from '../../features/rollback/DownSafetyPanel';
import { connectionTarget } from '../../lib/queries';
import { studio } from '../../lib/studio';
import { remainingAfter, reportAsRunResponse } from './downPlan';
import type { RunRequest } from './useRunFlow';

interface SafeDown {
  connectionId: string | null;
  request: RunRequest;
  plan: RunPlan;
  confirm?: string;
  safety: DownSafety;
  applied: string[];
}

/**
 * A confirmed down with "back up first" on (or skipped with the phrase): through `rollback/run`
 * (backup, verify, rehearse, downs, integrity check, report, all in the history). When the plan
 * reverts everything, there is no migration to roll back to: a backup first, then the plain run.
 */
export async function runDownSafely({ connectionId, request, plan, confirm, safety, applied }: SafeDown): Promise<MigrationRunResponse> {
  const target = connectionTarget(connectionId);
  const toMigration = remainingAfter(plan, applied, request.selection.to);
  if (toMigration) {
    const report = await studio.rollback.run({
      ...target,
      toMigration,
      backup: safety.backupFirst ? { create: true } : { skip: safety.skip },
      expectedPlan: plan.migrations,
      ...(confirm ? { confirm } : {}),
    });
    return reportAsRunResponse(report);
  }
  if (safety.backupFirst) {
    const backup = await studio.backups.create(target);
    if (backup.status !== 'complete') {
      throw new StudioError('internal', `The backup before the rollback ${backup.status === 'cancelled' ? 'was cancelled' : 'failed'}: nothing was reverted.`, {
        hint: `${backup.message ?? ''} Back up from the Backups section, or roll back without "Back up first".`.trim(),
      });
    }
  }
  return studio.migrations.run({ ...target, selection: request.selection, expectedPlan: plan.migrations, ...(request.checkOrderOff ? { checkOrder: false } : {}), ...(confirm ? { confirm } : {}) });
}
