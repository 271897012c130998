import { StudioError, type BackupRecord, type BackupVerification } from '../../contract';
import type { DatabaseTarget } from '../database';
import { compareRowCounts, countExistingRows } from './databaseFacts';
import { dumpSha256, dumpSize } from './dumpFiles';
import { listedTableData, readDumpList } from './dumpList';
import { pgToolFailed, runPgTool } from './pgProcess';
import { pgToolsFor, type DiscoveryOptions } from './pgTools';
import { createDatabase, dropDatabase, onDatabase, scratchDatabaseName } from './scratchDatabase';

/** A backup restores only when it completed; a cancelled or failed one is refused with why. */
export function assertUsable(record: BackupRecord, action: string): void {
  if (record.status === 'complete') return;
  throw new StudioError('invalid-input', `Backup ${record.id} is ${record.status}: it cannot be ${action}.${record.message ? ` ${record.message}` : ''}`, {
    hint: 'Use a complete backup (the backups list shows each one\'s status), or make a new one.',
  });
}

export interface VerifyOptions extends DiscoveryOptions {
  testRestore?: boolean;
  signal?: AbortSignal;
}

/**
 * pg_restore --list must read the dump and name every table the database had; the dump must still
 * hash to what was recorded; optionally it is restored into a scratch database (created, then
 * dropped) and every table's row count compared with the backup's.
 */
export async function verifyBackup(target: DatabaseTarget, record: BackupRecord, options: VerifyOptions = {}): Promise<BackupVerification> {
  assertUsable(record, 'verified');
  const tools = await pgToolsFor(target, options);
  const problems: string[] = [];
  let list = '';
  let listReadable = true;
  try {
    list = await readDumpList(tools.pgRestore, record.path);
  } catch (error) {
    listReadable = false;
    problems.push(`pg_restore --list could not read the backup: ${(error as Error).message.split('\n')[0]}`);
  }
  const listed = listedTableData(list);
  const missingTables = record.tables.map((t) => `${t.schema}.${t.name}`).filter((name) => !listed.some((entry) => entry === name.replace('.', ' ')));
  if (listReadable && missingTables.length) problems.push(`The backup lacks ${missingTables.length} table(s): ${missingTables.join(', ')}.`);
  const [sizeBytes, sha256] = await Promise.all([dumpSize(record.path), dumpSha256(record.path).catch(() => '')]);
  const sha256Matches = sha256 !== '' && sha256 === record.sha256;
  if (!sha256Matches) problems.push('The backup\'s SHA-256 differs from the one recorded when it completed: it was changed or damaged since.');
  const testRestore = options.testRestore ? await restoreIntoScratch(target, record, tools.pgRestore, options.signal) : null;
  if (testRestore && !testRestore.ok) problems.push(testRestore.message);
  return { checkedAt: new Date().toISOString(), ok: problems.length === 0, listReadable, listedTables: listed.length, missingTables, sizeBytes, sha256, sha256Matches, testRestore, problems };
}

async function restoreIntoScratch(target: DatabaseTarget, record: BackupRecord, pgRestore: string, signal?: AbortSignal): Promise<NonNullable<BackupVerification['testRestore']>> {
  const database = scratchDatabaseName('verify');
  const started = Date.now();
  const failed = (message: string) => ({ database, ok: false, durationMs: Date.now() - started, tables: [], mismatches: [], message });
  try {
    await createDatabase(target, database);
  } catch (error) {
    return failed(`The test restore could not create a scratch database: ${(error as Error).message}`);
  }
  try {
    const result = await runPgTool(pgRestore, ['--exit-on-error', '--no-owner', '--no-privileges', `--jobs=${2}`, `--dbname=${database}`, record.path], { target, database, signal });
    if (result.code !== 0) return failed(`The test restore failed: ${pgToolFailed('pg_restore', result, '').message}`);
    const counted = await onDatabase(target, database, (reader) => countExistingRows(reader, record.tables));
    const { tables, mismatches } = compareRowCounts(record.tables, counted);
    const message = mismatches.length
      ? `The test restore's row counts differ from the backup's in ${mismatches.length} table(s): ${mismatches.map((m) => `${m.table} ${m.actualRows ?? 'missing'} instead of ${m.expectedRows}`).join(', ')}.`
      : `Restored into a scratch database: all ${tables.length} tables have the backup's row counts.`;
    return { database, ok: mismatches.length === 0, durationMs: Date.now() - started, tables, mismatches, message };
  } catch (error) {
    return failed(`The test restore failed: ${(error as Error).message}`);
  } finally {
    await dropDatabase(target, database).catch(() => undefined);
  }
}
