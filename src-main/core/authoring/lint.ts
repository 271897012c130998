import { vagueNameWarnings, type LintFinding, type MigrationSourceLanguage } from '../../contract';
import type { EvaluatedStep, Evaluation } from './evaluateMigration';
import { changesOf, type SchemaChange } from './schemaChanges';

/** A table's size in the target database: `rows` from pg_class.reltuples, null when never analyzed but not empty. */
export interface RowEstimate {
  rows: number | null;
}

export interface LintSubject {
  /** `{timestamp}_{name}` or just the name. */
  name: string;
  language: MigrationSourceLanguage;
  content: string;
}

/** The base name the naming rule judges: without node-pg-migrate's numeric prefix. */
export const baseNameOf = (name: string): string => name.replace(/^\d+_/, '');

/** The 1-based line of a .sql file's `-- Up Migration` / `-- Down Migration` marker (where its section's SQL starts). */
function sqlSectionLine(content: string, direction: 'up' | 'down'): number | null {
  const index = content.search(new RegExp(String.raw`^\s*--[\s-]*${direction}\s+migration`, 'im'));
  if (index < 0) return direction === 'up' ? 1 : null;
  // node-pg-migrate's loader slices the section from this same index, so its SQL's lines count from here.
  return content.slice(0, index).split('\n').length;
}

const stepChanges = (step: EvaluatedStep, sqlStart: number | null) => changesOf(step.calls, sqlStart);
const key = (table: string, column?: string) => (column === undefined ? table : `${table}.${column}`);

/** The tables whose row counts the index-not-concurrent rule would use (asked of the database before linting). */
export function tablesNeedingEstimates(evaluation: Evaluation, subject: LintSubject): string[] {
  if ('load' in evaluation) return [];
  const up = stepChanges(evaluation.up, subject.language === 'sql' ? sqlSectionLine(subject.content, 'up') : null);
  const created = new Set(up.filter((c) => c.kind === 'create-table').map((c) => c.table));
  return [...new Set(up.flatMap((c) => (c.kind === 'create-index' && !c.concurrently && !created.has(c.table) ? [c.table] : [])))];
}

/**
 * The seed's review checklist over one migration: every finding with the line it concerns.
 * `estimates`: row estimates of the target database by table name, null when no database was asked.
 */
export function lintMigration(subject: LintSubject, evaluation: Evaluation, estimates: ReadonlyMap<string, RowEstimate> | null): LintFinding[] {
  const findings: LintFinding[] = vagueNameWarnings(baseNameOf(subject.name)).map((message) => ({ rule: 'vague-name', severity: 'warning', message, line: null }));
  if ('load' in evaluation) {
    return [{ rule: 'source-error', severity: 'error', message: `The migration does not load: ${evaluation.load.message}`, line: evaluation.load.position?.line ?? null }, ...findings];
  }
  const { up, down } = evaluation;
  const sql = subject.language === 'sql';
  const upChanges = stepChanges(up, sql ? sqlSectionLine(subject.content, 'up') : null);
  const downChanges = stepChanges(down, sql ? sqlSectionLine(subject.content, 'down') : null);

  if ('error' in up) findings.push({ rule: 'source-error', severity: 'error', message: `up fails: ${up.error.message}`, line: up.error.position?.line ?? null });
  if ('error' in down && !('error' in up)) findings.push({ rule: 'source-error', severity: 'error', message: `down fails: ${down.error.message}`, line: down.error.position?.line ?? null });
  if ('notInferable' in down) findings.push({ rule: 'down-missing', severity: 'error', message: `No down step, and node-pg-migrate cannot infer one. ${down.notInferable}`, line: down.line ?? null });

  findings.push(...rollbackDataLoss(upChanges, down, downChanges));
  findings.push(...destructiveUp(upChanges));
  findings.push(...foreignKeysWithoutIndex(upChanges));
  findings.push(...notNullWithoutDefault(upChanges));
  findings.push(...indexesNotConcurrent(upChanges, estimates));
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function rollbackDataLoss(upChanges: SchemaChange[], down: EvaluatedStep, downChanges: SchemaChange[]): LintFinding[] {
  // An inferred down only reverses what up did: it never drops anything up did not create.
  if (!('sql' in down) || down.inferred === true) return [];
  const createdTables = new Set(upChanges.flatMap((c) => (c.kind === 'create-table' ? [c.table] : [])));
  const addedColumns = new Set(upChanges.flatMap((c) => (c.kind === 'add-column' ? [key(c.table, c.column)] : [])));
  return downChanges.flatMap((c): LintFinding[] => {
    if (c.kind === 'drop-table' && !createdTables.has(c.table)) {
      return [{ rule: 'rollback-data-loss', severity: 'warning', message: `down drops table ${c.table}, which up did not create: rolling back loses every row in it.`, line: c.line }];
    }
    if (c.kind === 'drop-column' && !createdTables.has(c.table) && !addedColumns.has(key(c.table, c.column))) {
      return [{ rule: 'rollback-data-loss', severity: 'warning', message: `down drops column ${c.table}.${c.column}, which up did not add: rolling back loses its data.`, line: c.line }];
    }
    return [];
  });
}

function destructiveUp(upChanges: SchemaChange[]): LintFinding[] {
  const finding = (message: string, line: number | null): LintFinding[] => [{ rule: 'destructive-up', severity: 'warning', message, line }];
  return upChanges.flatMap((c): LintFinding[] => {
    switch (c.kind) {
      case 'drop-table':
        return finding(`up drops table ${c.table}: its data is gone, and down cannot bring it back.`, c.line);
      case 'drop-column':
        return finding(`up drops column ${c.table}.${c.column}: its data is gone, and down cannot bring it back.`, c.line);
      case 'alter-type':
        return finding(`up changes the type of ${c.table}.${c.column} to ${c.type}: if that narrows it, values that do not fit make the cast fail or lose precision.`, c.line);
      case 'delete':
        return c.hasWhere ? [] : finding(`DELETE FROM ${c.table} without WHERE removes every row.`, c.line);
      case 'update':
        return c.hasWhere ? [] : finding(`UPDATE ${c.table} without WHERE changes every row.`, c.line);
      case 'truncate':
        return finding(`TRUNCATE ${c.table} removes every row.`, c.line);
      default:
        return [];
    }
  });
}

function foreignKeysWithoutIndex(upChanges: SchemaChange[]): LintFinding[] {
  const indexed = new Set(upChanges.flatMap((c) => (c.kind === 'create-index' && c.firstColumn !== null ? [key(c.table, c.firstColumn)] : c.kind === 'indexed-column' ? [key(c.table, c.column)] : [])));
  return upChanges.flatMap((c): LintFinding[] =>
    c.kind === 'foreign-key' && !indexed.has(key(c.table, c.column))
      ? [{ rule: 'foreign-key-without-index', severity: 'warning', message: `Foreign key column ${c.table}.${c.column} has no index: joins and cascading deletes scan the whole table. Add pgm.createIndex('${c.table}', '${c.column}').`, line: c.line }]
      : [],
  );
}

function notNullWithoutDefault(upChanges: SchemaChange[]): LintFinding[] {
  const created = new Set(upChanges.flatMap((c) => (c.kind === 'create-table' ? [c.table] : [])));
  return upChanges.flatMap((c, index): LintFinding[] => {
    if (created.has(c.table)) return [];
    if (c.kind === 'add-column' && c.notNull && !c.hasDefault) {
      return [{ rule: 'not-null-without-default', severity: 'warning', message: `Column ${c.table}.${c.column} is added NOT NULL without a default: it fails as soon as ${c.table} has a row. Give it a default, or add it nullable, populate it, then set NOT NULL.`, line: c.line }];
    }
    if (c.kind === 'set-not-null' && !c.hasDefault) {
      // The seed's data migration: add the column, populate it (UPDATE), then set NOT NULL.
      const populated = upChanges.slice(0, index).some((p) => p.kind === 'update' && p.table === c.table);
      if (populated) return [];
      return [{ rule: 'not-null-without-default', severity: 'warning', message: `${c.table}.${c.column} is made NOT NULL without populating it first: any row holding NULL there makes this fail. UPDATE the NULLs (or give a default) before setting NOT NULL.`, line: c.line }];
    }
    return [];
  });
}

function indexesNotConcurrent(upChanges: SchemaChange[], estimates: ReadonlyMap<string, RowEstimate> | null): LintFinding[] {
  const created = new Set(upChanges.flatMap((c) => (c.kind === 'create-table' ? [c.table] : [])));
  const advice = 'Use { concurrently: true } (CREATE INDEX CONCURRENTLY) with pgm.noTransaction(), so writes are not blocked while it builds.';
  return upChanges.flatMap((c): LintFinding[] => {
    if (c.kind !== 'create-index' || c.concurrently || created.has(c.table)) return [];
    const estimate = estimates?.get(c.table);
    if (estimate === undefined) {
      const why = estimates === null ? 'no database was asked for its size' : `${c.table} is not in the database yet`;
      return [{ rule: 'index-not-concurrent', severity: 'info', message: `CREATE INDEX on ${c.table} without CONCURRENTLY blocks writes to it while it builds, if it holds rows (${why}). ${advice}`, line: c.line }];
    }
    if (estimate.rows === 0) return [];
    const size = estimate.rows === null ? 'holds rows (not analyzed yet)' : `holds about ${estimate.rows.toLocaleString('en-US')} rows`;
    return [{ rule: 'index-not-concurrent', severity: 'warning', message: `CREATE INDEX on ${c.table} without CONCURRENTLY: ${c.table} ${size}, and writes to it are blocked until the index is built. ${advice}`, line: c.line }];
  });
}
