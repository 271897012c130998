import type { MigrationRunResponse } from '../../../src-main/contract';
import { studio } from '../../lib/studio';
import { reportAsRunResponse, safeDownInput, type SafeDown } from './downPlan';

/**
 * A confirmed down with "back up first" on (or skipped with the phrase): through `rollback/run`
 * (backup, verify, rehearse, downs, integrity check, report, all in the history, a skip included).
 * A plan that reverts everything goes the same way, with no migration to roll back to.
 */
export async function runDownSafely(down: SafeDown): Promise<MigrationRunResponse> {
  return reportAsRunResponse(await studio.rollback.run(safeDownInput(down)));
}
