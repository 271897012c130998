import type { MigrationRunResponse, RunPlan, RunTimeouts } from '../../../src-main/contract';
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
  /** The confirmation's per-run lock / statement timeout override. */
  timeouts?: RunTimeouts;
  safety: DownSafety;
  applied: string[];
}

/**
 * A confirmed down with "back up first" on (or skipped with the phrase): through `rollback/run`
 * (backup, verify, rehearse, downs, integrity check, report, all in the history, a skip included).
 * A plan that reverts everything goes the same way, with no migration to roll back to.
 */
export async function runDownSafely({ connectionId, request, plan, confirm, timeouts, safety, applied }: SafeDown): Promise<MigrationRunResponse> {
  const report = await studio.rollback.run({
    ...connectionTarget(connectionId),
    toMigration: remainingAfter(plan, applied, request.selection.to),
    backup: safety.backupFirst ? { create: true } : { skip: safety.skip },
    expectedPlan: plan.migrations,
    ...(confirm ? { confirm } : {}),
    ...(timeouts ? { timeouts } : {}),
  });
  return reportAsRunResponse(report);
}
