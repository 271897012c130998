import { StudioError, type MigrationSchemaDiff, type ProjectSettings, type RunSelection } from '../../contract';
import type { DatabaseTarget } from '../database';
import { diffSnapshots, summarizeDiff } from '../schema';
import { execute } from './commands';
import type { StepSelection } from './executeCommand';
import { getStatus } from './status';
import type { RunOptions } from './types';

/** A step that must plan exactly `names`, in order (the status could change before the lock is taken). */
const exactly = (direction: 'up' | 'down', names: string[]): StepSelection => () => ({ direction, count: names.length, exactly: names }) satisfies RunSelection & { exactly: string[] };

/**
 * What one migration changes in the schema: for a pending one its up, for an applied one its down,
 * rehearsed in a transaction that is rolled back. Migrations that must run first (pending ones
 * before it, applied ones after it) run in an earlier step; the diff covers this migration alone.
 */
export async function migrationSchemaDiff(db: DatabaseTarget, project: ProjectSettings, migration: string, options?: RunOptions): Promise<MigrationSchemaDiff> {
  const status = await getStatus(db, project);
  const entry = status.migrations.find((m) => m.name === migration);
  if (!entry) {
    throw new StudioError('not-found', `No migration named ${migration} in this project or its migrations table.`, {
      hint: 'Reload the timeline and pick a migration from it.',
    });
  }
  if (entry.state === 'missing-file' || entry.state === 'duplicate-name') {
    throw new StudioError(entry.state === 'missing-file' ? 'missing-file' : 'invalid-project', `${migration} cannot be rehearsed: ${entry.state === 'missing-file' ? 'its file is missing' : 'two files carry its name'}.`, {
      hint: entry.state === 'missing-file' ? 'Restore the migration file to see what its down would change.' : 'Rename one of the files first.',
    });
  }
  const applied = entry.runOn !== null;
  const direction = applied ? 'down' : 'up';
  // up: the pending ones up to it, in order; down: the applied ones after it, last first, then it.
  const before = applied
    ? status.appliedMigrations.slice(status.appliedMigrations.indexOf(migration) + 1).reverse()
    : status.pendingMigrations.slice(0, status.pendingMigrations.indexOf(migration));
  const steps = [...(before.length ? [exactly(direction, before)] : []), exactly(direction, [migration])];
  const { outcome, message } = await execute(db, project, steps, 'rehearse', { ...options, captureSchemas: true });
  // Snapshots before each step and after the last: this migration's change is between the last two.
  const schemas = outcome.failure ? [] : outcome.stepSchemas;
  const beforeIt = schemas.length >= 2 ? schemas.at(-2) : null;
  const afterIt = schemas.length >= 2 ? schemas.at(-1) : null;
  const diff = beforeIt && afterIt ? diffSnapshots(beforeIt, afterIt) : { added: [], removed: [], altered: [] };
  const plan = outcome.plans.flatMap((p) => p.plan);
  return {
    migration,
    direction,
    plan,
    alsoIncluded: plan.filter((name) => name !== migration),
    diff,
    summary: summarizeDiff(diff),
    statements: outcome.statements,
    success: !outcome.failure && Boolean(beforeIt && afterIt),
    message,
    ...(outcome.failure ? { failure: outcome.failure } : {}),
  };
}
