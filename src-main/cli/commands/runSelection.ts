// --count / --to, checked by the contract's own schema so the CLI accepts exactly what the engine does.
import { maxRunCount, runSelectionSchema, StudioError, type RunSelection } from '../../contract';

/**
 * `down --all` as a RunSelection: the contract's largest count. The engine reverts every applied
 * migration when the count exceeds them, and deciding it there (under the run's lock) cannot race
 * with another run the way counting them first here would.
 */
export const everyAppliedMigration = maxRunCount;

const exampleName = '1734567890000_initial_database_setup';

/** The hint for the first thing wrong: a bad --to, a bad --count, or both given. */
function hintFor(field: PropertyKey | undefined): string {
  if (field === 'to') {
    return `--to takes a migration name, not a path: the file name without its folder or extension, as \`pgm-studio status\` lists it (e.g. ${exampleName}).`;
  }
  if (field === 'count') return `--count takes a whole number from 1 to ${maxRunCount}.`;
  return `Give --count N (1 to ${maxRunCount}) or --to NAME (a migration name such as ${exampleName}), not both.`;
}

export function selectionFrom(direction: 'up' | 'down', options: { count?: number; to?: string }): RunSelection {
  const parsed = runSelectionSchema.safeParse({ direction, count: options.count, to: options.to });
  if (!parsed.success) {
    throw new StudioError('invalid-input', parsed.error.issues.map((i) => i.message).join(' '), {
      hint: hintFor(parsed.error.issues[0]?.path[0]),
    });
  }
  return parsed.data;
}
