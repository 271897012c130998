import { randomUUID } from 'node:crypto';
import { StudioError, type BackupEvent, type BackupRecord, type RestoreResult } from '../../contract';
import { describeTarget, identityOf, targetForDatabase, type DatabaseTarget } from '../database';
import { appliedMigrationNames, compareRowCounts, countExistingRows } from './databaseFacts';
import { backupJobs } from './createBackup';
import { pgToolFailed, runPgTool } from './pgProcess';
import { pgToolsFor, type DiscoveryOptions } from './pgTools';
import { createDatabase, dropDatabase, onDatabase } from './scratchDatabase';
import { assertUsable } from './verifyBackup';

export interface RestoreOptions extends DiscoveryOptions {
  into: 'same' | { newDatabase: string };
  migrationsTable: { schema: string; table: string };
  signal?: AbortSignal;
  onEvent?: (event: BackupEvent) => void;
}

/** pg_restore --verbose: "processing data for table "public.users"" per table. */
const tableLine = /processing data for table "(.+)"/;

/**
 * Restores a complete backup.
 * - into the same database: `pg_restore --clean --if-exists --single-transaction`: every object of the
 *   backup is dropped and recreated, all or nothing (a failure leaves the database as it was); needs
 *   no superuser, only ownership of the objects, as the role that made the backup has. Objects made
 *   after the backup and not in it stay (the post-restore check does not count them).
 * - into a new database: created on the same server (CREATEDB), then `pg_restore -j` in parallel; a
 *   failed restore drops the half-made database.
 * Then the post-restore check: every table of the backup present with the backup's row count.
 */
export async function restoreBackup(target: DatabaseTarget, record: BackupRecord, options: RestoreOptions): Promise<RestoreResult> {
  assertUsable(record, 'restored');
  const tools = await pgToolsFor(target, options);
  const same = options.into === 'same';
  const database = same ? identityOf(target).database : (options.into as { newDatabase: string }).newDatabase;
  const restoreTarget = same ? target : targetForDatabase(target, database);
  const restoreId = randomUUID();
  const emit = (event: BackupEvent) => options.onEvent?.(event);
  const started = Date.now();
  const total = record.tables.length;
  emit({ type: 'restore-started', restoreId, backupId: record.id, database: describeTarget(restoreTarget), tablesTotal: total });
  if (!same) await createDatabase(target, database);
  let done = 0;
  let current: string | null = null;
  const onLine = (line: string) => {
    const match = tableLine.exec(line);
    if (!match) return;
    if (current !== null) done++;
    current = match[1] ?? null;
    emit({ type: 'restore-progress', restoreId, backupId: record.id, tablesDone: Math.min(done, total), tablesTotal: total, currentTable: current });
  };
  const args = same
    ? ['--clean', '--if-exists', '--single-transaction', '--verbose', `--dbname=${database}`, record.path]
    : ['--exit-on-error', '--no-owner', `--jobs=${backupJobs()}`, '--verbose', `--dbname=${database}`, record.path];
  const result = await runPgTool(tools.pgRestore, args, { target, database, signal: options.signal, onLine });
  if (result.code !== 0 || result.cancelled) {
    if (!same) await dropDatabase(target, database).catch(() => undefined);
    const message = result.cancelled
      ? `The restore was cancelled: ${same ? 'its transaction rolled back, the database is as before' : `the new database ${database} was dropped`}.`
      : pgToolFailed('pg_restore', result, same ? 'The restore ran in one transaction and rolled back: the database is as it was before it.' : `The new database ${database} was dropped again.`).message;
    emit({ type: 'restore-finished', restoreId, backupId: record.id, success: false, message });
    throw new StudioError(result.cancelled ? 'invalid-input' : 'database-error', message, {
      hint: same ? 'The restore ran in one transaction and rolled back: nothing changed. Stop the sessions that hold locks on its tables, or restore into a new database.' : 'Check that the role may create objects in the new database.',
    });
  }
  const check = await onDatabase(target, database, async (reader) => {
    const counted = await countExistingRows(reader, record.tables);
    return { ...compareRowCounts(record.tables, counted), applied: await appliedMigrationNames(reader, options.migrationsTable) };
  });
  const ok = check.mismatches.length === 0;
  const message = ok
    ? `Restored ${record.tables.length} tables; every one has the backup's row count.`
    : `Restored, but ${check.mismatches.length} table(s) differ from the backup: ${check.mismatches.map((m) => `${m.table} ${m.actualRows ?? 'missing'} rows instead of ${m.expectedRows}`).join(', ')}.`;
  emit({ type: 'restore-finished', restoreId, backupId: record.id, success: ok, message });
  return {
    backupId: record.id,
    database: describeTarget(restoreTarget),
    into: same ? 'same' : 'new',
    durationMs: Date.now() - started,
    check: { ok, tables: check.tables, mismatches: check.mismatches, message },
    appliedMigrations: check.applied,
  };
}
