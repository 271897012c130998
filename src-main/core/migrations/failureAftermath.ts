// After a failed command: what the database really looks like now, compared with before the command,
// instead of what a rollback should have left. Told in the failure, so every door shows the truth.
import type pg from 'pg';
import type { CommandChanges, MigrationFailure, ProjectSettings, SchemaSnapshot } from '../../contract';
import { diffSnapshots, isEmptyDiff, readSchemaSnapshot, summarizeDiff, undoStatements } from '../schema';
import { migrationsTableName, readAppliedMigrations } from './appliedMigrations';

/** pgmigrations (name -> run_on) and the schema, at one moment. */
export interface DatabaseState {
  applied: Map<string, string>;
  schema: SchemaSnapshot;
}

export function snapshotOptions(project: ProjectSettings) {
  return { migrationsTable: { schema: project.migrationsSchema, table: project.migrationsTable } };
}

export async function readDatabaseState(client: pg.ClientBase, project: ProjectSettings): Promise<DatabaseState> {
  const applied = await readAppliedMigrations(client, project);
  const schema = await readSchemaSnapshot(client, snapshotOptions(project));
  return { applied: new Map(applied.map((m) => [m.name, m.runOn])), schema };
}

export function changesBetween(before: DatabaseState, after: DatabaseState): CommandChanges {
  return {
    recorded: [...after.applied].filter(([name, runOn]) => before.applied.get(name) !== runOn).map(([name]) => name),
    unrecorded: [...before.applied.keys()].filter((name) => !after.applied.has(name)),
    schema: summarizeDiff(diffSnapshots(before.schema, after.schema)),
  };
}

export function isUnchanged(changes: CommandChanges): boolean {
  const { schema } = changes;
  return changes.recorded.length === 0 && changes.unrecorded.length === 0 && schema.added.length + schema.removed.length + schema.altered.length === 0;
}

const list = (items: string[]) => items.join(', ');

/** `table public.x, index y on public.x` or `no schema change`. */
export function describeSchemaChanges(changes: CommandChanges['schema']): string {
  const parts = [
    changes.added.length ? `added ${list(changes.added)}` : '',
    changes.removed.length ? `removed ${list(changes.removed)}` : '',
    changes.altered.length ? `altered ${list(changes.altered)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'no schema change';
}

/**
 * A pgm.noTransaction() migration failed part-way: its earlier statements committed one by one. Says
 * which statement failed, what it left (schema just before it vs now), the DROPs that undo that, and
 * how to record it once finished by hand (it is not in pgmigrations).
 */
export function describeOutsideTransaction(
  failure: MigrationFailure,
  failedStatement: number,
  beforeIt: SchemaSnapshot,
  now: SchemaSnapshot,
  project: ProjectSettings,
): void {
  const diff = diffSnapshots(beforeIt, now);
  const undo = undoStatements(diff);
  const name = failure.migration ?? '';
  const record = `INSERT INTO ${migrationsTableName(project)} (name, run_on) VALUES ('${name.replace(/'/g, "''")}', NOW());`;
  failure.outsideTransaction = { failedStatement, leftovers: summarizeDiff(diff), undo, record };
  // The message already says where it failed and that it is not recorded; the hint is what to do.
  const undoText = undo.length ? `Undo what it left by hand: ${undo.join(' ')}` : isEmptyDiff(diff) ? 'Its earlier statements changed no schema object (data changes are not checked).' : '';
  const restore = diff.removed.length + diff.altered.length > 0 ? ' Restore what it removed or altered by hand.' : '';
  failure.hint = [
    `${undoText}${restore} Then fix ${name} and run up again.`.trim(),
    `Or finish its remaining statements by hand and record it: ${record}`,
    failure.hint ? `(${failure.hint})` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
