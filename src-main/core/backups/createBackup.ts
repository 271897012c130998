import { availableParallelism } from 'node:os';
import { rename, rm } from 'node:fs/promises';
import { StudioError, type BackupEvent, type BackupRecord, type BackupTable } from '../../contract';
import { checkoutClient, describeTarget, explainDatabaseError, identityOf, type DatabaseTarget } from '../database';
import { backupFolder, dumpPath, newBackupId, partialDumpPath, saveBackupRecord } from './backupStore';
import { appliedMigrationNames, listTables } from './databaseFacts';
import { dumpSize, followDump } from './dumpFiles';
import { readDumpList, rowsInDump } from './dumpList';
import { pgToolFailed, runPgTool } from './pgProcess';
import { pgToolsFor, type DiscoveryOptions } from './pgTools';

/**
 * The default backup, chosen by measuring (npm run bench backup, 455 MiB, 2 cores, quiet machine):
 * directory format written by parallel workers, uncompressed. Plain `pg_dump -Fc` spends most of its
 * time compressing at level 6 on one core (10-11.5 s); even -Fd -j2 -Z1 took 0.72-0.75 of that,
 * because gzip still dominates on 2 cores. -Z0 trades disk (about the tables' size) for time, which
 * is what a backup taken right before a rollback needs; pg_restore -j restores it in parallel.
 */
export function defaultDumpArgs(jobs = backupJobs()): string[] {
  return ['--format=directory', `--jobs=${jobs}`, '--compress=0'];
}

/** One worker per core, at least 2 (a worker waits on the server as much as it compresses), at most 8. */
export function backupJobs(): number {
  return Math.min(8, Math.max(2, availableParallelism()));
}

export interface BackupOptions extends DiscoveryOptions {
  dataDir: string;
  migrationsTable: { schema: string; table: string };
  schemas?: readonly string[];
  origin?: BackupRecord['origin'];
  signal?: AbortSignal;
  onEvent?: (event: BackupEvent) => void;
  /** Told the id as soon as the backup has one (to cancel it by id). */
  onStart?: (id: string) => void;
}

/** pg_dump --verbose progress: table starts, and (parallel) finished items. */
export function dumpProgressTracker(total: number) {
  let started = 0;
  let finished = 0;
  let current: string | null = null;
  return {
    line(line: string): boolean {
      const starting = /dumping contents of table "(.+)"/.exec(line);
      if (starting) {
        started++;
        current = starting[1] ?? null;
        return true;
      }
      if (/finished item \d+ TABLE DATA /.test(line)) {
        finished++;
        return true;
      }
      return false;
    },
    /** Parallel dumps report finished items; a serial one starts the next table when the last is done. */
    done: () => Math.min(total, finished > 0 ? finished : Math.max(0, started - 1)),
    current: () => current,
  };
}

/**
 * pg_dump of the whole database (or `schemas`) into the backups folder. The table list and the
 * migration state are read in a REPEATABLE READ transaction whose snapshot pg_dump shares
 * (--snapshot), kept open until pg_dump is done (its parallel workers import it too). Each table's
 * row count is read from the dump itself (the lines of its data file, counted as the dump is hashed,
 * while pg_dump writes it): the record describes exactly the rows in the dump, and the database is
 * not read a second time while pg_dump competes for the same cores. Written as dump.partial and
 * renamed when pg_dump succeeded; a failed or cancelled backup keeps its record (status says so)
 * and loses its partial dump.
 */
export async function createBackup(target: DatabaseTarget, options: BackupOptions): Promise<BackupRecord> {
  const tools = await pgToolsFor(target, options);
  const emit = (event: BackupEvent) => options.onEvent?.(event);
  const schemas = options.schemas?.length ? [...options.schemas] : null;
  const lease = await checkoutClient(target);
  const { client } = lease;
  let snapshot: string;
  let tables: { schema: string; name: string; bytes: number }[];
  let applied: string[];
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id;
    tables = await listTables(client, schemas);
    applied = await appliedMigrationNames(client, options.migrationsTable);
  } catch (error) {
    await lease.releaseSession();
    throw explainDatabaseError(error);
  }
  const started = Date.now();
  const id = newBackupId();
  options.onStart?.(id);
  const bytesEstimated = tables.reduce((sum, t) => sum + t.bytes, 0);
  let record: BackupRecord = {
    id,
    status: 'running',
    database: describeTarget(target),
    databaseName: identityOf(target).database,
    createdAt: new Date(started).toISOString(),
    finishedAt: null,
    format: 'directory',
    path: dumpPath(options.dataDir, id),
    sizeBytes: null,
    sha256: null,
    schemas,
    appliedMigrations: applied,
    lastMigration: applied.at(-1) ?? null,
    tables: tables.map(({ schema, name }) => ({ schema, name, rows: 0 })),
    serverVersion: tools.serverVersion,
    tool: `${tools.version} (${tools.pgDump})`,
    durationMs: null,
    verification: null,
    verified: false,
    message: null,
    origin: options.origin ?? { kind: 'manual' },
    reportPath: null,
  };
  const partial = partialDumpPath(options.dataDir, id);
  try {
    await saveBackupRecord(options.dataDir, record);
  } catch (error) {
    await lease.releaseSession();
    throw new StudioError('internal', `Could not write the backup into ${backupFolder(options.dataDir, id)}: ${(error as Error).message}`, { hint: 'Check that the data folder is writable and has free space.' });
  }
  emit({ type: 'backup-started', backupId: id, database: record.database, tablesTotal: tables.length, bytesEstimated });

  const progress = dumpProgressTracker(tables.length);
  let bytesWritten = 0;
  const report = () => emit({ type: 'backup-progress', backupId: id, tablesDone: progress.done(), tablesTotal: tables.length, bytesWritten, bytesEstimated, currentTable: progress.current() });
  const poll = setInterval(() => {
    void dumpSize(partial).then((size) => {
      bytesWritten = size;
      report();
    });
  }, 500);
  const args = [...defaultDumpArgs(), '--verbose', `--snapshot=${snapshot}`, `--file=${partial}`, ...(schemas ?? []).flatMap((s) => ['--schema', s])];
  // Hashed and counted while pg_dump writes: a table is read as soon as its file grows.
  const digesting = followDump(partial);
  const onLine = (line: string) => {
    const finished = /finished item (\d+) TABLE DATA /.exec(line);
    if (finished) digesting.finished(Number(finished[1]));
    if (progress.line(line)) report();
  };
  const result = await runPgTool(tools.pgDump, args, { target, signal: options.signal, onLine });
  clearInterval(poll);
  await client.query('COMMIT').catch(() => undefined);
  await lease.releaseSession();

  const finish = async (changes: Partial<BackupRecord>): Promise<BackupRecord> => {
    record = { ...record, ...changes, finishedAt: new Date().toISOString(), durationMs: Date.now() - started };
    await saveBackupRecord(options.dataDir, record);
    emit({ type: 'backup-finished', backupId: id, status: record.status, message: record.message ?? 'The backup is complete.' });
    return record;
  };
  if (result.cancelled || result.code !== 0) {
    await digesting.stop();
    await rm(partial, { recursive: true, force: true });
    if (result.cancelled) return finish({ status: 'cancelled', message: 'The backup was cancelled; its partial dump was removed.' });
    const failure = pgToolFailed('pg_dump', result, 'Check the message above: pg_dump needs SELECT on every table (and the schemas) it dumps.').message;
    return finish({ status: 'failed', message: `${failure} The partial dump was removed.` });
  }
  const final = dumpPath(options.dataDir, id);
  let read: { sizeBytes: number; sha256: string; counted: BackupTable[] };
  try {
    const [digest, list] = await Promise.all([digesting.complete(), readDumpList(tools.pgRestore, partial)]);
    const { counted, missing } = rowsInDump(tables, list, digest);
    if (missing.length > 0) throw new Error(`pg_dump wrote no data for ${missing.length} table(s): ${missing.join(', ')}.`);
    await rename(partial, final);
    read = { sizeBytes: await dumpSize(final), sha256: digest.sha256, counted };
  } catch (error) {
    await digesting.stop();
    await rm(partial, { recursive: true, force: true });
    await rm(final, { recursive: true, force: true });
    return finish({ status: 'failed', message: `The finished dump could not be read back: ${(error as Error).message.split('\n')[0]} The dump was removed.` });
  }
  bytesWritten = read.sizeBytes;
  emit({ type: 'backup-progress', backupId: id, tablesDone: tables.length, tablesTotal: tables.length, bytesWritten, bytesEstimated, currentTable: null });
  return finish({ status: 'complete', tables: read.counted, sizeBytes: read.sizeBytes, sha256: read.sha256, message: null });
}
