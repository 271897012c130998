import * as z from 'zod';
import { channel } from './channel';
import { backupIdSchema, type BackupRecord, type BackupVerification } from './backups';
import { confirmDatabaseSchema, migrationNameSchema, postgresIntervalSchema, runInputSchema, runTimeoutsSchema, targetSchema, type MigrationFailure, type MigrationRunResponse } from './migrations';
import type { SchemaChangeSummary } from './schema';

// Backup-then-rollback: what a down would destroy, the pre-flight, and the guided run.

/** A table a down drops or alters, with what is in it now. */
export interface TableAtStake {
  schema: string;
  name: string;
  action: 'dropped' | 'altered' | 'truncated';
  /** pg_class.reltuples (an estimate; -1/unknown → null). */
  rowEstimate: number | null;
  /** Columns dropped, constraints removed... in words. */
  changes: string[];
}

export interface MigrationStake {
  name: string;
  /** The statements its down ran in the rehearsal (empty when it did not get that far). */
  downSql: string[];
  /** false: no down step (irreversible, or not inferable), or its rehearsal failed. */
  usableDown: boolean;
  /** Why the down is not usable. */
  problem: string | null;
  tables: TableAtStake[];
}

/** What reverting a down plan puts at stake, worked out by rehearsing the downs (rolled back). */
export interface DownStake {
  /** In the order they would be reverted. */
  migrations: MigrationStake[];
  /** Every table dropped or altered by the whole plan. */
  tables: TableAtStake[];
  /** Sum of the row estimates of the dropped tables. */
  rowsAtStake: number;
  rehearsal: { success: boolean; message: string; failure?: MigrationFailure };
  /** The database is production (a backup is then required unless skipped with the phrase). */
  production: boolean;
  /** "Back up first": on by default whenever rows are at stake or the database is production. */
  backupRecommended: boolean;
  /** Schema changes of the whole plan, from the snapshot before vs at the end of the rehearsal. */
  schemaChanges: SchemaChangeSummary;
}

export interface RollbackPlan extends DownStake {
  toMigration: string;
  /** Masked description of the database. */
  database: string;
  databaseName: string;
}

export const rollbackPlanInputSchema = targetSchema.extend({ toMigration: migrationNameSchema });

export interface SessionInfo {
  pid: number;
  applicationName: string | null;
  user: string | null;
  clientAddress: string | null;
  state: string | null;
  /** Seconds since the session's transaction began; null when idle outside a transaction. */
  transactionAgeSeconds: number | null;
  /** The start of its current query (no parameters), truncated. */
  query: string | null;
}

export interface RollbackPreflight {
  database: string;
  /** Other sessions connected to the same database (this studio's own excluded). */
  sessions: SessionInfo[];
  /** Of those, transactions open longer than 60 s: they can block the downs' locks. */
  longTransactions: SessionInfo[];
  /** Who holds node-pg-migrate's advisory lock, if anyone. */
  migrationLockHolder: { pid: number; applicationName: string | null; clientAddress: string | null; since: string | null } | null;
  /** The seed's reminder, in words. */
  reminders: string[];
}

/** What the operator types to skip the backup (with the database's name). */
export const skipBackupPhrase = 'roll back without a backup';

export const rollbackRunInputSchema = targetSchema.extend({
  /** The migration left as the last applied one; null: revert every applied migration (a down of all of them). */
  toMigration: migrationNameSchema.nullable(),
  backup: z.union([
    /** Make a new backup (default): backup, then verify. */
    z.object({ create: z.literal(true), schemas: z.array(z.string().min(1).max(63)).min(1).max(100).optional() }).strict(),
    /** Use an existing complete, verified backup of this database. */
    z.object({ id: backupIdSchema }).strict(),
    /** No backup: the database's name and skipBackupPhrase, typed; recorded in the history. */
    z.object({ skip: z.object({ typedDatabaseName: z.string().min(1).max(63), phrase: z.string().max(200) }).strict() }).strict(),
  ]),
  /** lock_timeout for the downs (PostgreSQL interval text); default the connection's, else '5s'. */
  lockTimeout: postgresIntervalSchema.optional(),
  /** The down confirmation's per-run override (as migrations/run takes it), over lockTimeout and the connection's. */
  timeouts: runTimeoutsSchema.optional(),
  /** Production databases: their name, typed (as for migrations/run). */
  confirm: confirmDatabaseSchema.optional(),
  /** The plan the operator confirmed (rollback/plan's migrations); anything else is refused ('plan-changed'). */
  expectedPlan: z.array(migrationNameSchema).max(100_000).optional(),
  /** false: check-order off for this rollback only (a down confirmed with check-order off, as migrations/run takes it). */
  checkOrder: z.boolean().optional(),
});

export const rollbackSteps = ['backup', 'verify', 'rehearse', 'run', 'integrity', 'report'] as const;
export type RollbackStep = (typeof rollbackSteps)[number];
export type RollbackStepState = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

export interface RollbackStepResult {
  step: RollbackStep;
  state: RollbackStepState;
  message: string;
  /** A failed step: what to do next, when the engine knows (a down's own hint, a lock or statement timeout). */
  hint?: string;
  durationMs: number | null;
}

export interface RowCountChange {
  table: string;
  before: number;
  after: number | null;
}

export interface ForeignKeyOrphans {
  constraint: string;
  table: string;
  references: string;
  orphanRows: number;
}

/** After the downs: the database is what the rehearsal said it would be, and nothing is broken. */
export interface IntegrityCheck {
  ok: boolean;
  /** Every table that remains: exact count(*) before the downs and after. */
  rowCounts: RowCountChange[];
  /** Of those, the ones whose count changed (a down that deletes rows shows here). */
  changedRowCounts: RowCountChange[];
  foreignKeyOrphans: ForeignKeyOrphans[];
  /** Constraints not validated (convalidated = false), as `schema.table.constraint`. */
  invalidConstraints: string[];
  /** Indexes not valid (indisvalid = false), as `schema.index`. */
  invalidIndexes: string[];
  /** Schema now vs the snapshot at the end of the rehearsal: empty when as expected. */
  schemaDiff: SchemaChangeSummary;
  matchesExpected: boolean;
  problems: string[];
}

export interface RollbackReport {
  id: string;
  database: string;
  databaseName: string;
  /** null: every applied migration was to be reverted. */
  toMigration: string | null;
  startedAt: string;
  finishedAt: string;
  success: boolean;
  message: string;
  /** The step it stopped at, when it failed. */
  failedStep: RollbackStep | null;
  steps: RollbackStepResult[];
  /** The migrations reverted (run order); empty when it stopped before running. */
  reverted: string[];
  /** Planned, in revert order. */
  plan: string[];
  backup: BackupRecord | null;
  backupSkipped: boolean;
  verification: BackupVerification | null;
  run: MigrationRunResponse | null;
  integrity: IntegrityCheck | null;
  /** Where the report is saved (JSON, and readable text beside it). */
  reportPaths: { json: string; text: string } | null;
  /** Did the database change? false when a step failed before the downs or the downs rolled back. */
  databaseChanged: boolean;
}

export type RollbackEvent =
  | { type: 'rollback-started'; rollbackId: string; database: string; toMigration: string | null; plan: string[]; steps: RollbackStep[] }
  | { type: 'rollback-step'; rollbackId: string; step: RollbackStep; state: RollbackStepState; message: string; durationMs?: number; backupId?: string }
  | { type: 'rollback-finished'; rollbackId: string; success: boolean; message: string; failedStep: RollbackStep | null };

/** How a rollback's target reads: "1734…_initial", or every migration when none stays applied. */
export const rollbackTargetLabel = (toMigration: string | null): string => toMigration ?? 'before the first migration (every migration reverted)';

/** A saved report, by the rollback's id or by the backup made (or used) for it; never by a path. */
export const rollbackReportInputSchema = z.union([
  z.object({ rollbackId: z.uuid('A rollback id is the UUID its report names.') }).strict(),
  z.object({ backupId: backupIdSchema }).strict(),
]);

/** A saved report and its readable text, as the engine wrote them next to the backup. */
export interface SavedRollbackReport {
  report: RollbackReport;
  text: string;
}

export const rollbackContract = {
  /** What any down run plan puts at stake (the down confirmation's "what is at stake"). */
  'migrations/stake': channel<DownStake>()(runInputSchema),
  'rollback/plan': channel<RollbackPlan>()(rollbackPlanInputSchema),
  'rollback/preflight': channel<RollbackPreflight>()(targetSchema),
  /** Resolves with the report also when a step fails (success false); throws only on bad input or a refused confirmation. */
  'rollback/run': channel<RollbackReport>()(rollbackRunInputSchema),
  /** The report a rollback saved (JSON + text), for a browser that cannot open its path. */
  'rollback/report': channel<SavedRollbackReport>()(rollbackReportInputSchema),
};
