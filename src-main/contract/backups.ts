import * as z from 'zod';
import { channel } from './channel';
import type { StudioErrorShape } from './errors';
import { confirmDatabaseSchema, targetSchema } from './migrations';

// Backups made with pg_dump, verified with pg_restore, restored with pg_restore: the engine half of
// the backup-then-rollback workflow. Progress arrives as studio events (BackupEvent), like run events.

/** One installed pg_dump (with its pg_restore beside it, when there is one). */
export interface PgToolInstall {
  /** The folder holding pg_dump. */
  binDir: string;
  pgDump: string;
  pgRestore: string | null;
  /** As `pg_dump --version` prints it, e.g. "15.4". */
  version: string;
  major: number;
  /** Where it was found. */
  source: 'preference' | 'path' | 'system' | 'homebrew' | 'postgres-app';
}

/** backups/tools: every pg_dump found, the server's version, the one a backup of this database uses. */
export interface BackupTools {
  found: PgToolInstall[];
  /** e.g. "15.4"; null when the server could not be asked. */
  serverVersion: string | null;
  serverMajor: number | null;
  /** The lowest major >= the server's (pg_dump refuses a newer server); null when none fits. */
  chosen: PgToolInstall | null;
  /** Why none fits, with how to install a matching client (the error a backup would stop with). */
  problem?: StudioErrorShape;
}

export const backupStatuses = ['running', 'complete', 'failed', 'cancelled'] as const;
/** Only 'complete' is a usable backup; a cancelled or failed one is kept as a record, never as a restore point. */
export type BackupStatus = (typeof backupStatuses)[number];

export interface BackupTable {
  schema: string;
  name: string;
  /** Exact rows of the table in the dump (pg_dump's snapshot), read from the dump's data once it is written. */
  rows: number;
}

export interface TableRowCheck {
  /** schema.name */
  table: string;
  expectedRows: number;
  /** null: the table is missing. */
  actualRows: number | null;
}

export interface BackupVerification {
  checkedAt: string;
  /** Every check below passed. */
  ok: boolean;
  /** pg_restore --list read the backup. */
  listReadable: boolean;
  /** Tables the backup's list names. */
  listedTables: number;
  /** Tables the database had at backup time that the list lacks (schema.name). */
  missingTables: string[];
  sizeBytes: number;
  sha256: string;
  /** The file (or the directory's manifest) still hashes to what was recorded when the backup completed. */
  sha256Matches: boolean;
  /** Only when asked for: restored into a scratch database (then dropped), row counts compared. */
  testRestore: { database: string; ok: boolean; durationMs: number; tables: TableRowCheck[]; mismatches: TableRowCheck[]; message: string } | null;
  problems: string[];
}

export interface BackupRecord {
  id: string;
  status: BackupStatus;
  /** Masked `user@host:port/db`. */
  database: string;
  databaseName: string;
  createdAt: string;
  finishedAt: string | null;
  /** 'directory': pg_dump -Fd (a folder); 'custom': pg_dump -Fc (one file). */
  format: 'directory' | 'custom';
  /** Where it is on disk (the backups folder of the app's data folder). */
  path: string;
  sizeBytes: number | null;
  sha256: string | null;
  /** null: the whole database. */
  schemas: string[] | null;
  /** Migration state at backup time. */
  appliedMigrations: string[];
  lastMigration: string | null;
  tables: BackupTable[];
  serverVersion: string | null;
  /** pg_dump used, e.g. "15.4 (/usr/lib/postgresql/15/bin/pg_dump)". */
  tool: string | null;
  durationMs: number | null;
  /** Latest verification; verified = verification?.ok === true. */
  verification: BackupVerification | null;
  verified: boolean;
  /** Why it failed or was cancelled. */
  message: string | null;
  /** What made it: a backup asked for, or step 1 of a rollback (its id). */
  origin: { kind: 'manual' } | { kind: 'rollback'; rollbackId: string };
  /** The rollback report saved next to the backup (JSON; a .txt beside it), when one was made. */
  reportPath: string | null;
}

export interface BackupList {
  backups: BackupRecord[];
  /** The backups folder. */
  folder: string;
}

export const backupIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'A backup id is letters, digits, "-" and "_".');

export const createBackupInputSchema = targetSchema.extend({
  /** Only these schemas (pg_dump -n); default the whole database. */
  schemas: z.array(z.string().min(1).max(63)).min(1).max(100).optional(),
});

export const verifyBackupInputSchema = z.object({ id: backupIdSchema, testRestore: z.boolean().optional() }).strict();

/** PostgreSQL identifier rules for a database we create: letters, digits, _ and $, not starting with a digit. */
export const newDatabaseNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/, 'A new database name is letters, digits, "_" and "$" (max 63), not starting with a digit.');

export const restoreInputSchema = targetSchema.extend({
  id: backupIdSchema,
  /** 'same': replace the backed-up database's contents; {newDatabase}: create it on the same server and restore there. */
  into: z.union([z.literal('same'), z.object({ newDatabase: newDatabaseNameSchema }).strict()]),
  /** Required for 'same': the database's name, typed by the operator. */
  confirm: confirmDatabaseSchema.optional(),
});

export interface RestoreResult {
  backupId: string;
  /** Masked description of the database restored into. */
  database: string;
  into: 'same' | 'new';
  durationMs: number;
  /** Post-restore check: every table of the backup there, row counts equal to the backup's. */
  check: { ok: boolean; tables: TableRowCheck[]; mismatches: TableRowCheck[]; message: string };
  /** The migrations table after the restore. */
  appliedMigrations: string[];
}

export type BackupEvent =
  | { type: 'backup-started'; backupId: string; database: string; tablesTotal: number; bytesEstimated: number }
  | {
      type: 'backup-progress';
      backupId: string;
      tablesDone: number;
      tablesTotal: number;
      bytesWritten: number;
      /** The catalog's size of the tables dumped (heap + TOAST pages as of the last ANALYZE): roughly what an uncompressed dump takes; 0 when never analyzed. */
      bytesEstimated: number;
      currentTable: string | null;
    }
  | { type: 'backup-finished'; backupId: string; status: BackupStatus; message: string }
  | { type: 'restore-started'; restoreId: string; backupId: string; database: string; tablesTotal: number }
  | { type: 'restore-progress'; restoreId: string; backupId: string; tablesDone: number; tablesTotal: number; currentTable: string | null }
  | { type: 'restore-finished'; restoreId: string; backupId: string; success: boolean; message: string };

export const backupsContract = {
  'backups/tools': channel<BackupTools>()(targetSchema),
  /** Resolves when the backup ends (complete, failed or cancelled); progress via BackupEvent. */
  'backups/create': channel<BackupRecord>()(createBackupInputSchema),
  /** Cancel the running backup (or restore) with this id, or any running one; false when none was running. */
  'backups/cancel': channel<{ cancelled: boolean }>()(z.object({ id: backupIdSchema.optional() }).strict()),
  'backups/verify': channel<BackupVerification>()(verifyBackupInputSchema),
  'backups/list': channel<BackupList>()(z.object({}).strict()),
  'backups/restore': channel<RestoreResult>()(restoreInputSchema),
};
