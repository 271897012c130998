import type { MigrationRunResponse, RollbackReport, RunPlan, RunTimeouts, StudioApi } from '../../../src-main/contract';
import type { DownSafety } from '../../features/rollback/DownSafetyPanel';
import type { RunRequest } from './useRunFlow';

/**
 * The migration a down plan leaves as the last applied one, i.e. `rollback/run`'s `toMigration`;
 * null when the plan reverts every applied migration (nothing stays to roll back to).
 */
export function remainingAfter(plan: RunPlan, applied: string[], selectionTo?: string): string | null {
  if (selectionTo) return selectionTo;
  const oldestReverted = plan.migrations[plan.migrations.length - 1];
  const index = oldestReverted === undefined ? -1 : applied.indexOf(oldestReverted);
  return index > 0 ? (applied[index - 1] ?? null) : null;
}

/** A rollback report told as the run response the run flow already shows (notifications, rows, log). */
export function reportAsRunResponse(report: RollbackReport): MigrationRunResponse {
  if (report.run) return { ...report.run, message: report.success ? report.message : `${report.message}${report.databaseChanged ? '' : ' The database is unchanged.'}`, success: report.success };
  const hint = report.steps.find((s) => s.step === report.failedStep)?.hint;
  return { results: [], message: `${report.message}${report.databaseChanged ? '' : ' The database is unchanged.'}`, success: report.success, ...(report.success ? {} : { failure: { migration: null, message: report.message, ...(hint ? { hint } : {}) } }) };
}

export interface SafeDown {
  connectionId: string | null;
  request: RunRequest;
  plan: RunPlan;
  confirm?: string;
  /** The confirmation's per-run lock / statement timeout override. */
  timeouts?: RunTimeouts;
  safety: DownSafety;
  applied: string[];
}

/** `rollback/run`'s input for a confirmed down: its plan, the choice about the backup, the confirmation's overrides. */
export function safeDownInput({ connectionId, request, plan, confirm, timeouts, safety, applied }: SafeDown): Parameters<StudioApi['rollback']['run']>[0] {
  return {
    ...(connectionId ? { connectionId } : {}),
    toMigration: remainingAfter(plan, applied, request.selection.to),
    backup: safety.backupFirst ? { create: true } : { skip: safety.skip },
    expectedPlan: plan.migrations,
    ...(request.checkOrderOff ? { checkOrder: false } : {}),
    ...(confirm ? { confirm } : {}),
    ...(timeouts ? { timeouts } : {}),
  };
}
