import { StudioError, type RunSelection } from '../../contract';
import type { AppliedMigration } from './appliedMigrations';
import type { MigrationFile } from './migrationFiles';

/**
 * node-pg-migrate's check-order, position by position (runner.js `checkOrder`): the n-th applied
 * migration (in run order) must be the n-th file. Fails the same way runner() would, but with a hint.
 */
export function assertOrder(files: MigrationFile[], applied: AppliedMigration[]): void {
  const length = Math.min(files.length, applied.length);
  const fileNames = new Set(files.map((f) => f.name));
  const appliedNames = new Set(applied.map((a) => a.name));
  for (let i = 0; i < length; i += 1) {
    const ran = applied[i]?.name as string;
    const file = files[i]?.name as string;
    if (ran === file) continue;
    if (!fileNames.has(ran)) {
      throw new StudioError('missing-file', `Migration ${ran} is recorded in pgmigrations but its file is missing.`, {
        hint: `Restore the file from version control (git log --all -- '*${ran}*'), or, if it was deleted on purpose, remove its row from pgmigrations after checking the schema.`,
        detail: { migration: ran },
      });
    }
    if (appliedNames.has(file)) {
      // Not pending: an earlier run with check-order off applied it after a migration that sorts later.
      const reorder = applied.length - i;
      throw new StudioError('out-of-order', `Migration ${file} was applied out of order: after ${ran}, which sorts after it. Check-order refuses any run until the order migrations ran in matches the file order again.`, {
        hint: `Run this command with check-order off (--no-check-order on the command line), as the run that applied ${file} was. To restore the order, revert the last ${reorder} applied migrations with check-order off (down --count ${reorder} --no-check-order), then apply them again with up.`,
        detail: { migration: file, appliedAfter: ran },
      });
    }
    throw new StudioError('out-of-order', `Pending migration ${file} sorts before the already applied ${ran}.`, {
      hint: 'Give the pending file a later timestamp (it was probably merged from an older branch), or turn check-order off for this project to run it out of order.',
      detail: { migration: file, appliedAfter: ran },
    });
  }
}

/** The migrations a selection covers, in run order, exactly as runner() will pick them given `count`. */
export function planSelection(files: MigrationFile[], applied: AppliedMigration[], selection: RunSelection): string[] {
  const runNames = applied.map((a) => a.name);
  if (selection.direction === 'up') {
    const ran = new Set(runNames);
    const pending = files.map((f) => f.name).filter((name) => !ran.has(name));
    if (selection.to !== undefined) {
      const index = pending.indexOf(selection.to);
      if (index >= 0) return pending.slice(0, index + 1);
      if (ran.has(selection.to)) return [];
      throw notFound(selection.to);
    }
    return pending.slice(0, selection.count ?? pending.length);
  }
  let plan: string[];
  if (selection.to !== undefined) {
    const index = runNames.lastIndexOf(selection.to);
    if (index < 0) {
      if (files.some((f) => f.name === selection.to)) {
        throw new StudioError('invalid-input', `Cannot roll back to ${selection.to}: it is not applied.`, {
          hint: 'Pick an applied migration as the target; everything applied after it is reverted and it stays applied.',
        });
      }
      throw notFound(selection.to);
    }
    plan = runNames.slice(index + 1).reverse();
  } else {
    plan = runNames.slice(-(selection.count ?? 1)).reverse();
  }
  const fileNames = new Set(files.map((f) => f.name));
  const missing = plan.filter((name) => !fileNames.has(name));
  if (missing.length > 0) {
    throw new StudioError('missing-file', `Cannot revert ${missing.join(', ')}: the migration file is missing.`, {
      hint: 'Restore the file from version control; node-pg-migrate needs its down step to revert it.',
      detail: { migrations: missing },
    });
  }
  return plan;
}

function notFound(name: string): StudioError {
  return new StudioError('not-found', `No migration named ${name}.`, {
    hint: 'Use a name from the status list: the file name without its extension, e.g. 1734567890000_initial_database_setup.',
  });
}

/**
 * What runner() reports having run must be the plan, in order. It can only differ when the
 * migrations table changed under us without the advisory lock; the caller then rolls back.
 */
export function assertRanThePlan(plan: readonly string[], ran: readonly string[], committedEarlier: number): void {
  if (ran.length === plan.length && ran.every((name, i) => name === plan[i])) return;
  const kept = committedEarlier > 0 ? `, except ${committedEarlier} migration(s) a pgm.noTransaction() migration had already committed` : '';
  throw new StudioError('plan-changed', `node-pg-migrate ran ${ran.length ? ran.join(', ') : 'nothing'} instead of the plan ${plan.join(', ')}. The command was stopped and rolled back${kept}.`, {
    hint: 'Something changed the migrations table during the run without taking the migration lock. Check the status, then run the command again.',
    detail: { plan, ran },
  });
}
