import * as z from 'zod';
import { channel } from './channel';
import { migrationTemplateIds } from './authoringTemplates';
import type { EditedAfterApply } from './authoring';
import type { RunActivity, SessionActivity, StatementLock, WaitedLock } from './runs';
import type { SchemaChangeSummary } from './schema';

/** `{timestamp}_{name}` without extension, as node-pg-migrate stores it in `pgmigrations.name`. */
export const migrationNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[\\/]/.test(s) && !s.includes('..'), { message: 'A migration name cannot contain path separators or "..".' });

/** 'duplicate-name': two files carry this name (`…01_same.js` and `…01_same.sql`); no run starts until one is renamed. */
export const migrationStates = ['applied', 'pending', 'missing-file', 'out-of-order', 'duplicate-name'] as const;
export type MigrationState = (typeof migrationStates)[number];

export interface MigrationEntry {
  name: string;
  /** The numeric prefix of the name (ms since epoch for node-pg-migrate's default). */
  timestamp: number;
  /** Path relative to the migrations directory; null when the file is missing. */
  file: string | null;
  state: MigrationState;
  /** ISO time from pgmigrations.run_on; null when not applied. */
  runOn: string | null;
  /** Whether the file defines a down step (false: node-pg-migrate will try to infer it). Null when the file is missing. */
  hasDown: boolean | null;
  /** Only on a 'duplicate-name' entry: every file carrying the name, in node-pg-migrate's order. */
  duplicateFiles?: string[];
  /** Only on an applied entry whose file changed since the app applied it (checksum recorded then). */
  editedAfterApply?: EditedAfterApply;
}

/** The seed's GET /api/migrations `status` object plus one entry per migration. */
export interface MigrationStatus {
  appliedMigrations: string[];
  pendingMigrations: string[];
  lastMigration: string | null;
  isUpToDate: boolean;
  migrations: MigrationEntry[];
}

export interface MigrationCounts {
  total: number;
  /** Recorded in the migrations table, whether or not the file is still there. */
  applied: number;
  /** The seed's pendingMigrations: not recorded yet, out-of-order ones included. */
  pending: number;
  /** Of the applied, how many have lost their file. */
  missingFile: number;
  /** Of the pending, how many sort before the last applied one. */
  outOfOrder: number;
  duplicateName: number;
}

/** The timeline's counts, defined once so every door (UI, CLI) says the same numbers. */
export function migrationCounts(status: MigrationStatus): MigrationCounts {
  const inState = (state: MigrationState) => status.migrations.filter((m) => m.state === state).length;
  return {
    total: status.migrations.length,
    applied: status.migrations.filter((m) => m.runOn !== null).length,
    pending: status.pendingMigrations.length,
    missingFile: inState('missing-file'),
    outOfOrder: inState('out-of-order'),
    duplicateName: inState('duplicate-name'),
  };
}

/** The seed's GET /api/migrations body. */
export interface MigrationStatusResponse {
  status: MigrationStatus;
  message: string;
}

/** The largest `count` a run, rehearsal or redo takes: more than any project has migrations. */
export const maxRunCount = 100_000;
const runCountSchema = z.number().int().positive().max(maxRunCount);

/** Which migrations a run or rehearsal covers. `to` and `count` are exclusive. */
export const runSelectionSchema = z
  .object({
    direction: z.enum(['up', 'down']),
    /** up: the next N pending (default all). down: the last N applied (default 1). */
    count: runCountSchema.optional(),
    /** up: up to and including this migration. down: revert everything after it, leaving it applied. */
    to: migrationNameSchema.optional(),
  })
  .strict()
  .refine((s) => !(s.count !== undefined && s.to !== undefined), { message: 'Give either count or to, not both.' });
export type RunSelection = z.infer<typeof runSelectionSchema>;

/**
 * A PostgreSQL time setting as lock_timeout / statement_timeout take it: a number with an optional
 * unit (us, ms, s, min, h, d; none = ms), e.g. `5s`, `2min`, `1500`; `0` turns the timeout off.
 */
export const postgresIntervalSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\d+(\.\d+)?\s*(us|ms|s|min|h|d)?$/, 'Give a PostgreSQL time such as 5s, 500ms, 2min or 1h (0 turns it off).');

/** lock_timeout / statement_timeout for one run, applied with SET LOCAL inside its transaction. */
export const runTimeoutsSchema = z
  .object({
    /** How long one statement may wait for a lock before the run fails (SQLSTATE 55P03). */
    lockTimeout: postgresIntervalSchema.optional(),
    /** How long one statement may run before the run fails (SQLSTATE 57014). */
    statementTimeout: postgresIntervalSchema.optional(),
  })
  .strict();
export type RunTimeouts = z.infer<typeof runTimeoutsSchema>;

export const targetSchema = z.object({ connectionId: z.string().min(1).max(200).optional() }).strict();

/**
 * The database name, typed by the operator: a run that changes a production database is refused
 * without it ('confirmation-required'), and a name that is not the target's is refused anywhere.
 */
export const confirmDatabaseSchema = z.string().min(1).max(63);

export const runInputSchema = targetSchema.extend({
  selection: runSelectionSchema,
  /** false: node-pg-migrate's check-order is off for this call only (the operator chose it); the project setting stays. */
  checkOrder: z.boolean().optional(),
  /** lock_timeout / statement_timeout for this call only, over the connection's. */
  timeouts: runTimeoutsSchema.optional(),
});
/**
 * migrations/run. `expectedPlan`: the migrations the operator confirmed, in order. The engine works
 * the plan out again under its lock and refuses to run anything else ('plan-changed').
 */
export const runRequestSchema = runInputSchema.extend({ expectedPlan: z.array(migrationNameSchema).max(maxRunCount).optional(), confirm: confirmDatabaseSchema.optional() });
export const redoInputSchema = targetSchema.extend({ count: runCountSchema.optional(), confirm: confirmDatabaseSchema.optional(), timeouts: runTimeoutsSchema.optional() });

/**
 * The optional JSON body of the seed's POST /api/migrations (no body: every pending migration up).
 * Anything else is refused with 400 before anything runs.
 */
export const seedRunBodySchema = runSelectionSchema.safeExtend({ confirm: confirmDatabaseSchema.optional() });
export type SeedRunBody = z.infer<typeof seedRunBodySchema>;

export interface MigrationRunResult {
  name: string;
  direction: 'up' | 'down';
  /** ISO time the migration finished (or failed). */
  timestamp: string;
  success: boolean;
  durationMs?: number;
  /** The migration ran but a later failure in the same command rolled it back (success is then false). */
  rolledBack?: boolean;
}

export interface MigrationFailure {
  migration: string | null;
  /** PostgreSQL SQLSTATE, e.g. 42P07, when the failure came from the server. */
  pgCode?: string;
  message: string;
  /** 1-based character position in the failing statement, when PostgreSQL gave one. */
  position?: number;
  statement?: string;
  hint?: string;
  /** The down step of `migration` cannot run (not inferable, or disabled); nothing was reverted. */
  irreversible?: boolean;
  /** The failure came at the command's COMMIT (a deferred constraint), after every migration had run. */
  atCommit?: boolean;
  /** `migration` ended the command's transaction itself (a COMMIT or ROLLBACK in its SQL), so work was committed that should not have been. */
  endedTransaction?: boolean;
  /** `migration` ran outside a transaction (pgm.noTransaction()): its statements before the failing one took effect and stay. */
  outsideTransaction?: OutsideTransactionFailure;
  /**
   * How the database differs from before the command, checked after the rollback. Absent when it
   * could not be checked (e.g. the connection was lost): then nothing may be claimed about it.
   */
  changes?: CommandChanges;
  /** The run was interrupted (Ctrl-C, a server shutting down, Cancel), not failed by the migration. */
  interrupted?: boolean;
  /** The run hit its lock_timeout or statement_timeout: which one, its value, and what it waited on (sampled while waiting). */
  timeout?: TimeoutFailure;
}

export interface TimeoutFailure {
  setting: 'lock_timeout' | 'statement_timeout';
  /** The value the run had, e.g. 5s. */
  value: string | null;
  waitedFor: WaitedLock | null;
  blockers: SessionActivity[];
}

export interface OutsideTransactionFailure {
  /** 1-based: the statement of the migration that failed (the ones before it ran, and committed). */
  failedStatement: number;
  /** What the migration left, schema compared just before it and after the failure. */
  leftovers: SchemaChangeSummary;
  /** Statements that drop what it created, to review and run by hand before running it again. */
  undo: string[];
  /** How to record it as applied by hand once it is finished (it is not in the migrations table). */
  record: string;
}

/** What a failed command left changed, verified against the database after its rollback. */
export interface CommandChanges {
  /** Now recorded as applied, though they were not before the command. */
  recorded: string[];
  /** No longer recorded as applied, though they were before the command. */
  unrecorded: string[];
  schema: SchemaChangeSummary;
}

/** The seed's POST /api/migrations body, plus failure details. */
export interface MigrationRunResponse {
  results: MigrationRunResult[];
  message: string;
  success: boolean;
  /** Every SQL statement the command executed, in order (the audit log keeps them; the seed API does not send them). */
  statements?: string[];
  failure?: MigrationFailure;
}

export interface RehearsalResult {
  direction: 'up' | 'down';
  /** The migrations the rehearsal covered, in run order. */
  plan: string[];
  /** Every SQL statement executed inside the rolled-back transaction. */
  statements: string[];
  success: boolean;
  message: string;
  failure?: MigrationFailure;
  /** The locks its statements take on tables that exist, with their size and activity now (see StatementLock). */
  locks?: StatementLock[];
}

/** Which migrations a selection would run or revert, without running anything. */
export interface RunPlan {
  direction: 'up' | 'down';
  migrations: string[];
}

/** The languages `migrations/create` writes a template in (the engine also runs .cjs and .mjs files). */
export const newMigrationLanguages = ['js', 'ts', 'sql'] as const;

export const createMigrationInputSchema = z
  .object({
    name: z.string().min(1).max(200),
    language: z.enum(newMigrationLanguages).default('js'),
    /** The file's text (the editor's); otherwise `template`, otherwise the blank template. */
    content: z.string().max(1_048_576).optional(),
    template: z.enum(migrationTemplateIds).optional(),
    /** Fills a template's `{{table}}`. */
    table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*$/, 'A plain SQL identifier.').max(63).optional(),
  })
  .strict()
  .refine((i) => !(i.content !== undefined && i.template !== undefined), { message: 'Give either content or template, not both.' });
export type CreateMigrationInput = z.output<typeof createMigrationInputSchema>;

export interface CreatedMigration {
  name: string;
  file: string;
  path: string;
  warnings: string[];
}

export interface LockHolder {
  pid: number;
  applicationName: string | null;
  clientAddress: string | null;
  since: string | null;
}

/** Events streamed while a run or rehearsal is in progress. */
export type MigrationEvent =
  /** `backendPid`: the run's own session (it holds the migration lock while it runs). */
  | { type: 'run-started'; runId: string; direction: 'up' | 'down'; plan: string[]; rehearsal: boolean; backendPid?: number }
  | { type: 'migration-started'; runId: string; name: string; direction: 'up' | 'down' }
  /** The running migration called pgm.noTransaction(): its statements commit one by one, a cancel leaves what they did. */
  | { type: 'migration-outside-transaction'; runId: string; name: string }
  /** A live sample while the run is in progress (about every 1.5 s): elapsed time and what it waits on. */
  | ({ type: 'run-activity'; runId: string } & RunActivity)
  | { type: 'migration-finished'; runId: string; name: string; direction: 'up' | 'down'; durationMs: number }
  | { type: 'migration-failed'; runId: string; name: string; direction: 'up' | 'down'; failure: MigrationFailure }
  | { type: 'log'; runId: string; level: 'debug' | 'info' | 'warn' | 'error'; message: string }
  | {
      type: 'run-finished';
      runId: string;
      success: boolean;
      message: string;
      /** Migrations this command ran (migration-finished) whose work was then rolled back. */
      rolledBack?: { name: string; direction: 'up' | 'down' }[];
    };

export const migrationsContract = {
  'migrations/status': channel<MigrationStatus>()(targetSchema),
  'migrations/plan': channel<RunPlan>()(runInputSchema),
  'migrations/run': channel<MigrationRunResponse>()(runRequestSchema),
  'migrations/redo': channel<MigrationRunResponse>()(redoInputSchema),
  'migrations/rehearse': channel<RehearsalResult>()(runInputSchema),
  'migrations/create': channel<CreatedMigration>()(createMigrationInputSchema),
  'migrations/lock': channel<LockHolder | null>()(targetSchema),
};
