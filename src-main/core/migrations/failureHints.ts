import type { MigrationFailure } from '../../contract';
import { sqlStateHint } from '../database';

const inferDown = /Impossible to automatically infer down migration/;
const downDisabled = /User has disabled down migration/;
const missingExport = /Is the migration \S+ exporting a '(up|down)' function/;

function migrationHint(failure: Pick<MigrationFailure, 'pgCode' | 'message'>): string | undefined {
  if (inferDown.test(failure.message)) {
    return 'node-pg-migrate cannot infer this down step (the up uses pgm.sql, pgm.db or another operation without an automatic reverse). Write an explicit down (exports.down / export const down) in the migration file.';
  }
  if (downDisabled.test(failure.message)) {
    return 'This migration has no down step (a .sql file without a "-- Down Migration" section, or down = false). Add the down SQL, or accept that it cannot be reverted.';
  }
  if (missingExport.test(failure.message)) return 'The file must export an up function (and ideally a down), e.g. exports.up = (pgm) => { ... }.';
  return undefined;
}

/** PostgreSQL's own hint names the exact fix (e.g. the cast to add), so it comes first; ours (by SQLSTATE, else by node-pg-migrate's message) says what to do next. */
export function hintFor(failure: Pick<MigrationFailure, 'pgCode' | 'message'>, serverHint?: string): string | undefined {
  const ours = sqlStateHint(failure.pgCode) ?? migrationHint(failure);
  if (serverHint && ours) return `PostgreSQL: ${serverHint} ${ours}`;
  return ours ?? serverHint;
}

/** True when the failure is an irreversible down, not an error in SQL. */
export function isIrreversible(message: string): boolean {
  return inferDown.test(message) || downDisabled.test(message);
}
