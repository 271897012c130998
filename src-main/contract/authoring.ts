import * as z from 'zod';
import { channel } from './channel';
import { migrationNameSchema, targetSchema } from './migrations';

/** Languages a migration's source can be in (what the engine runs); new ones are written in js, ts or sql. */
export const migrationSourceLanguages = ['js', 'cjs', 'mjs', 'ts', 'sql'] as const;
export type MigrationSourceLanguage = (typeof migrationSourceLanguages)[number];
const languageSchema = z.enum(migrationSourceLanguages);

/** The largest migration source the engine reads, previews or saves (1 MiB). */
export const maxMigrationSourceLength = 1_048_576;
export const migrationContentSchema = z.string().max(maxMigrationSourceLength);

// ---- Names -----------------------------------------------------------------------------------

const snakeCase = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/**
 * Why a new migration's name (the part after `{timestamp}_`) is refused, or null when it is fine.
 * The engine refuses with exactly this message ('invalid-name'); the UI shows it as the operator types.
 */
export function newMigrationNameProblem(name: string): string | null {
  if (/[\\/]/.test(name) || name.includes('..')) return `"${name}" contains a path separator or "..".`;
  if (!snakeCase.test(name) || name.length > 200) return `"${name}" is not a snake_case identifier.`;
  return null;
}

/** What to do about a refused name. */
export const newMigrationNameHint = 'Use lower-case letters, digits and single underscores, starting with a letter (at most 200 characters), e.g. add_email_index_to_users; the file is always created in the migrations directory.';

/** The same rule as a zod schema (for forms). */
export const newMigrationNameSchema = z.string().superRefine((name, ctx) => {
  const problem = newMigrationNameProblem(name);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

// Names that say neither what changes nor where (the seed's "Avoid" list and their cousins).
const vagueWords = new Set(['update', 'updates', 'fix', 'fixes', 'change', 'changes', 'misc', 'stuff', 'temp', 'tmp', 'test', 'wip', 'new', 'migration', 'migrations', 'database', 'db', 'schema', 'tables', 'table', 'data', 'patch', 'hotfix', 'cleanup', 'refactor', 'tweak', 'tweaks', 'modify', 'alter', 'edit', 'init', 'more', 'final']);
const actionWords = new Set(['add', 'create', 'drop', 'remove', 'rename', 'alter', 'change', 'backfill', 'populate', 'index', 'make', 'set', 'split', 'merge', 'move', 'convert', 'enable', 'disable', 'grant', 'revoke', 'seed', 'update', 'fix', 'delete', 'insert', 'replace', 'extract', 'introduce', 'deprecate', 'initial', 'setup']);
const vagueVerbs = new Set(['update', 'fix', 'change', 'changes', 'modify', 'tweak', 'misc', 'patch']);

/**
 * Warnings (never refusals) for names that do not say what changes and where: the seed's
 * `update_users`, `fix_database`, `changes` warn; `add_email_index_to_users` does not.
 */
export function vagueNameWarnings(name: string): string[] {
  const words = name.split('_');
  if (words.includes('initial')) return [];
  const specific = words.filter((w) => !vagueWords.has(w) && !actionWords.has(w));
  const hasVerb = words.some((w) => actionWords.has(w));
  const vagueVerb = words.some((w) => vagueVerbs.has(w));
  if (specific.length === 0) return [`"${name}" does not say what changes: name the object and the change, e.g. add_email_index_to_users.`];
  if (vagueVerb && specific.length < 2) return [`"${name}" is vague: say what changes in ${specific.join(' ')}, e.g. add_last_login_to_users or remove_deprecated_status_column.`];
  if (!hasVerb && words.length < 2) return [`"${name}" does not say what happens to ${name}: start with a verb, e.g. create_${name}_table.`];
  return [];
}

/** The seed's naming examples, for the new-migration form's guidance. */
export const migrationNameExamples = {
  good: ['add_user_preferences_table', 'add_email_index_to_users', 'remove_deprecated_status_column'],
  vague: ['update_users', 'fix_database', 'changes'],
} as const;

// ---- Source, save --------------------------------------------------------------------------------

export const migrationSourceInputSchema = targetSchema.extend({ name: migrationNameSchema });

/** migrations/source: one migration's file as it is on disk now. */
export interface MigrationSource {
  /** `{timestamp}_{name}`. */
  name: string;
  /** File name inside the migrations directory. */
  file: string;
  language: MigrationSourceLanguage;
  content: string;
  /** sha256 (hex) of the file's bytes: pass it back to migrations/save as `expectedSha256`. */
  sha256: string;
  /** Recorded as applied in the target database: editing it changes nothing where it already ran (save refuses). */
  applied: boolean;
}

/**
 * migrations/save: overwrite a PENDING migration's file atomically. Refused with
 * 'file-changed-on-disk' (detail: `{ content, sha256 }` of the file now) when the file is not the one
 * opened, 'migration-applied' when the target database has it applied, 'not-found' when no such file.
 */
export const saveMigrationInputSchema = targetSchema.extend({
  name: migrationNameSchema,
  content: migrationContentSchema,
  expectedSha256: z.string().regex(/^[0-9a-f]{64}$/, 'A sha256 in lower-case hex.'),
});

export interface SavedMigration {
  name: string;
  file: string;
  sha256: string;
}

/** detail of a 'file-changed-on-disk' error: the file as it is now, to reload or diff against. */
export interface FileChangedOnDiskDetail {
  file: string;
  content: string;
  sha256: string;
}

// ---- Preview -------------------------------------------------------------------------------------

export const previewInputSchema = z.object({ language: languageSchema, content: migrationContentSchema }).strict();

/** Where in the operator's text a problem is; 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface SourceError {
  message: string;
  /** Absent when the error cannot be placed in the text (e.g. thrown from inside node-pg-migrate without a user frame). */
  position?: SourcePosition;
}

export type PreviewStep =
  | { sql: string[] }
  /** down only: no down step and node-pg-migrate cannot infer one; `reason` says which operation. */
  | { notInferable: string }
  | { error: SourceError };

/** authoring/preview: the SQL node-pg-migrate's MigrationBuilder produces for up and down, no database touched. */
export interface MigrationPreview {
  up: PreviewStep;
  down: PreviewStep;
  /** The migration calls pgm.noTransaction(): it runs outside the command's transaction. */
  noTransaction: boolean;
}

// ---- Lint ----------------------------------------------------------------------------------------

export const lintRules = [
  /** up and down both exist, or down is inferable. */
  'down-missing',
  /** down drops a table or column the up did not create (its data is lost on rollback). */
  'rollback-data-loss',
  /** up drops a table or column, narrows a type, or runs DELETE/UPDATE without WHERE. */
  'destructive-up',
  /** a new foreign key column without an index on it. */
  'foreign-key-without-index',
  /** NOT NULL added to an existing table's column without a default. */
  'not-null-without-default',
  /** CREATE INDEX without CONCURRENTLY on a table that already holds rows. */
  'index-not-concurrent',
  /** the name does not say what changes and where. */
  'vague-name',
  /** the source does not load (syntax error, up throws): nothing else could be checked. */
  'source-error',
] as const;
export type LintRule = (typeof lintRules)[number];

export interface LintFinding {
  rule: LintRule;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** 1-based line in the source; null when the finding concerns the whole migration (its name, a missing down). */
  line: number | null;
}

/**
 * authoring/lint. `name`: the part after `{timestamp}_` or the full `{timestamp}_{name}`. Row
 * estimates for index-not-concurrent come from the target database (`connectionId`, or the current
 * one) unless `rowEstimates` is false; no database reachable: that rule judges without them.
 */
export const lintInputSchema = targetSchema.extend({
  name: z.string().min(1).max(255),
  language: languageSchema,
  content: migrationContentSchema,
  rowEstimates: z.boolean().default(true),
});

export interface LintResult {
  findings: LintFinding[];
  /** The database the row estimates came from (describeTarget, password never included); null when none was used. */
  rowEstimatesFrom: string | null;
}

// ---- Up-down-up ----------------------------------------------------------------------------------

/**
 * authoring/up-down-up: on a scratch database on the sandbox server, replay the project's migrations
 * that come before this one, then up, down, up again, snapshotting the schema around each step.
 * `name`: the migration's full name when it is a file already (it is left out of the replay, and only
 * the files sorting before it are replayed); a new one's name (no timestamp): every file is replayed.
 * The operator's own databases are never touched.
 */
export const upDownUpInputSchema = z
  .object({
    name: z.string().min(1).max(255),
    language: languageSchema,
    content: migrationContentSchema,
  })
  .strict();

export const upDownUpSteps = ['replay', 'up', 'down', 'up again'] as const;
export type UpDownUpStepName = (typeof upDownUpSteps)[number];

export interface UpDownUpStep {
  step: UpDownUpStepName;
  ok: boolean;
  durationMs: number;
  error?: { message: string; hint?: string; migration?: string };
}

export interface UpDownUpResult {
  /** down left the schema exactly as before up, and the second up succeeded. */
  passed: boolean;
  /** The steps that ran, in order; a failed step ends the test. */
  steps: UpDownUpStep[];
  /** One line per difference between before-up and after-down, e.g. "index users_email_idx created by up is still there after down". */
  differences: string[];
  /** A stable text rendering of the schema before up (for a side-by-side diff). */
  beforeText: string;
  /** The same rendering after down; equal to beforeText when the test passes. Empty when down did not run. */
  afterDownText: string;
  /** The replay came from the cached template database (same migration files as last time). */
  cached: boolean;
  /** The migrations replayed before this one, in order. */
  replayed: string[];
}

// ---- Edited after apply --------------------------------------------------------------------------

/** On an applied status entry: the file changed since the app applied it (checksum recorded then). */
export interface EditedAfterApply {
  /** ISO time the app recorded the checksum (when it applied the migration). */
  recordedAt: string;
  recordedSha256: string;
  currentSha256: string;
  /** The file as it was applied, and as it is now: the two sides of a diff. */
  recordedContent: string;
  currentContent: string;
}

export const authoringContract = {
  'migrations/source': channel<MigrationSource>()(migrationSourceInputSchema),
  'migrations/save': channel<SavedMigration>()(saveMigrationInputSchema),
  'authoring/preview': channel<MigrationPreview>()(previewInputSchema),
  'authoring/lint': channel<LintResult>()(lintInputSchema),
  'authoring/up-down-up': channel<UpDownUpResult>()(upDownUpInputSchema),
};
