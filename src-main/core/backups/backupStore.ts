import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError, type BackupRecord } from '../../contract';

/** The backups folder of the data folder: one folder per backup, its record beside its dump. */
export const backupsFolder = (dataDir: string) => join(dataDir, 'backups');
export const backupFolder = (dataDir: string, id: string) => join(backupsFolder(dataDir), id);
const recordFile = (dataDir: string, id: string) => join(backupFolder(dataDir, id), 'backup.json');
/** The dump while pg_dump writes it; renamed to `dump` only once pg_dump succeeded. */
export const partialDumpPath = (dataDir: string, id: string) => join(backupFolder(dataDir, id), 'dump.partial');
export const dumpPath = (dataDir: string, id: string) => join(backupFolder(dataDir, id), 'dump');

/** Sortable and unguessable enough: `20261201-230455-3f9a1c`. */
export function newBackupId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export async function saveBackupRecord(dataDir: string, record: BackupRecord): Promise<void> {
  await mkdir(backupFolder(dataDir, record.id), { recursive: true });
  const file = recordFile(dataDir, record.id);
  // Which process writes it, so another process (the app while the CLI backs up) can tell running from cut off.
  const stored = record.status === 'running' ? { ...record, writerPid: process.pid } : record;
  // Write then rename: a crash never leaves a half-written record.
  await writeFile(`${file}.tmp`, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}

async function readRecord(dataDir: string, id: string): Promise<BackupRecord | null> {
  try {
    const record = JSON.parse(await readFile(recordFile(dataDir, id), 'utf8')) as BackupRecord;
    return typeof record?.id === 'string' && typeof record.status === 'string' ? record : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A record still 'running' that no live process is writing was cut off (the app quit or crashed):
 * it is shown as failed, never as a usable backup. One another live process writes (the CLI while
 * the app lists) stays running.
 */
function settled(stored: BackupRecord & { writerPid?: number }, running: ReadonlySet<string>): BackupRecord {
  const { writerPid, ...record } = stored;
  if (record.status !== 'running' || running.has(record.id)) return record;
  if (writerPid !== undefined && writerPid !== process.pid && isAlive(writerPid)) return record;
  return { ...record, status: 'failed', verified: false, message: record.message ?? 'The backup was cut off (the app stopped while pg_dump ran); its dump is incomplete.' };
}

export async function listBackupRecords(dataDir: string, running: ReadonlySet<string> = new Set()): Promise<BackupRecord[]> {
  const ids = await readdir(backupsFolder(dataDir)).catch(() => [] as string[]);
  const records = await Promise.all(ids.map((id) => readRecord(dataDir, id)));
  return records
    .filter((r): r is BackupRecord => r !== null)
    .map((r) => settled(r, running))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function loadBackupRecord(dataDir: string, id: string, running: ReadonlySet<string> = new Set()): Promise<BackupRecord> {
  const record = await readRecord(dataDir, id);
  if (!record) {
    throw new StudioError('not-found', `No backup with id ${id}.`, { hint: `List the backups (Backups section, or the backups folder ${backupsFolder(dataDir)}) and use one of their ids.` });
  }
  return settled(record, running);
}
