// --count / --to, checked by the contract's own schema so the CLI accepts exactly what the engine does.
import { maxRunCount, runSelectionSchema, StudioError, type RunSelection } from '../../contract';

/**
 * `down --all` as a RunSelection: the contract's largest count. The engine reverts every applied
 * migration when the count exceeds them, and deciding it there (under the run's lock) cannot race
 * with another run the way counting them first here would.
 */
export const everyAppliedMigration = maxRunCount;

export function selectionFrom(direction: 'up' | 'down', options: { count?: number; to?: string }): RunSelection {
  const parsed = runSelectionSchema.safeParse({ direction, count: options.count, to: options.to });
  if (!parsed.success) {
    throw new StudioError('invalid-input', parsed.error.issues.map((i) => i.message).join(' '), {
      hint: `Give --count N (1 to ${maxRunCount}) or --to NAME (a migration name such as 1734567890000_initial_database_setup), not both.`,
    });
  }
  return parsed.data;
}
