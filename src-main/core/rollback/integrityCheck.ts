import type { BackupTable, IntegrityCheck, RowCountChange, SchemaSnapshot } from '../../contract';
import { countRows, listTables, qualifiedName } from '../backups';
import { diffSnapshots, isEmptyDiff, readForeignKeyOrphans, readInvalidObjects, readSchemaSnapshot, summarizeDiff, type CatalogReader, type SnapshotOptions } from '../schema';

/** Exact row counts of every table now (before the downs). */
export async function rowCountsNow(reader: CatalogReader): Promise<BackupTable[]> {
  return countRows(reader, await listTables(reader));
}

/**
 * After the downs: every table that remains has the rows it had (a down that deletes rows shows),
 * no foreign key has orphans, nothing is invalid, and the schema is the rehearsal's end state.
 */
export async function checkIntegrity(reader: CatalogReader, before: readonly BackupTable[], expected: SchemaSnapshot | null, snapshotOptions: SnapshotOptions): Promise<IntegrityCheck> {
  const now = await rowCountsNow(reader);
  const after = new Map(now.map((t) => [qualifiedName(t), t.rows]));
  // The migrations table loses the reverted rows by design: not a data change.
  const migrationsTable = snapshotOptions.migrationsTable ? `${snapshotOptions.migrationsTable.schema}.${snapshotOptions.migrationsTable.table}` : null;
  const rowCounts: RowCountChange[] = before
    .filter((t) => after.has(qualifiedName(t)) && qualifiedName(t) !== migrationsTable)
    .map((t) => ({ table: qualifiedName(t), before: t.rows, after: after.get(qualifiedName(t)) ?? null }));
  const changedRowCounts = rowCounts.filter((r) => r.after !== r.before);
  const foreignKeyOrphans = await readForeignKeyOrphans(reader);
  const invalid = await readInvalidObjects(reader);
  const snapshot = await readSchemaSnapshot(reader, snapshotOptions);
  const diff = expected ? diffSnapshots(expected, snapshot) : null;
  const matchesExpected = diff !== null && isEmptyDiff(diff);
  const schemaDiff = diff ? summarizeDiff(diff) : { added: [], removed: [], altered: [] };
  const problems = [
    ...changedRowCounts.map((r) => `${r.table}: ${r.before} rows before the downs, ${r.after ?? 'none'} after.`),
    ...foreignKeyOrphans.map((o) => `${o.table}: ${o.orphanRows} row(s) reference missing ${o.references} rows (${o.constraint}).`),
    ...invalid.constraints.map((c) => `Constraint ${c} is not validated.`),
    ...invalid.indexes.map((i) => `Index ${i} is not valid.`),
    ...(expected === null ? ['The schema could not be compared: the rehearsal did not record its end state.'] : []),
    ...(diff && !matchesExpected ? [`The schema differs from the rehearsal's end state: ${[...schemaDiff.added.map((a) => `+ ${a}`), ...schemaDiff.removed.map((r) => `- ${r}`), ...schemaDiff.altered.map((a) => `~ ${a}`)].join('; ')}.`] : []),
  ];
  return { ok: problems.length === 0, rowCounts, changedRowCounts, foreignKeyOrphans, invalidConstraints: invalid.constraints, invalidIndexes: invalid.indexes, schemaDiff, matchesExpected, problems };
}
