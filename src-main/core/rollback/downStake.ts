import type { DownStake, MigrationFailure, MigrationStake, ProjectSettings, RehearsalResult, RunSelection, SchemaDiff, SchemaSnapshot, TableAtStake } from '../../contract';
import { withClient, type DatabaseTarget } from '../database';
import { rehearse, type RunOptions } from '../migrations';
import { diffSnapshots, readSchemaSnapshot, summarizeDiff, type CatalogReader } from '../schema';

export const snapshotOptionsOf = (project: ProjectSettings) => ({ migrationsTable: { schema: project.migrationsSchema, table: project.migrationsTable } });

/** node-pg-migrate ends each migration's down with `DELETE FROM "schema"."table" WHERE name='NAME';`. */
const markStatement = /^DELETE FROM "[^"]+"\."[^"]+" WHERE name='(.+)';$/;

/** The rehearsal's statements, split per migration at each one's migrations-table mark. */
export function statementsPerMigration(statements: readonly string[], plan: readonly string[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>(plan.map((name) => [name, []]));
  let pending: string[] = [];
  let index = 0;
  for (const sql of statements) {
    const mark = markStatement.exec(sql.trim());
    if (mark && grouped.has(mark[1]!)) {
      grouped.set(mark[1]!, pending);
      pending = [];
      index = plan.indexOf(mark[1]!) + 1;
    } else pending.push(sql);
  }
  // What ran after the last mark belongs to the migration that failed.
  const failing = plan[index];
  if (failing !== undefined && pending.length) grouped.set(failing, pending);
  return grouped;
}

const identifier = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const qualified = String.raw`${identifier}(?:\s*\.\s*${identifier})?`;
const unquote = (name: string) => (name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase());

/** The tables a statement drops, alters or truncates, as `schema.name` (unqualified: `defaultSchema`). */
export function tablesTouched(sql: string, defaultSchema: string): { table: string; action: TableAtStake['action'] }[] {
  const found: { table: string; action: TableAtStake['action'] }[] = [];
  const name = (raw: string) => {
    const parts = raw.split(/\s*\.\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/).map(unquote);
    return parts.length === 2 ? `${parts[0]}.${parts[1]}` : `${defaultSchema}.${parts[0]}`;
  };
  const drop = new RegExp(String.raw`^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(${qualified}(?:\s*,\s*${qualified})*)`, 'i').exec(sql);
  if (drop) for (const raw of drop[1]!.split(/\s*,\s*/)) found.push({ table: name(raw), action: 'dropped' });
  const alter = new RegExp(String.raw`^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${qualified})`, 'i').exec(sql);
  if (alter) found.push({ table: name(alter[1]!), action: 'altered' });
  const truncate = new RegExp(String.raw`^\s*TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?(${qualified}(?:\s*,\s*${qualified})*)`, 'i').exec(sql);
  if (truncate) for (const raw of truncate[1]!.split(/\s*,\s*/)) found.push({ table: name(raw), action: 'truncated' });
  return found;
}

/** Rows in each table: exact for tables up to ~80 MB, pg_class.reltuples beyond (never a long scan to show a dialog). */
async function rowEstimates(reader: CatalogReader, tables: readonly string[]): Promise<Map<string, number | null>> {
  const estimates = new Map<string, number | null>();
  for (const table of tables) {
    const { rows } = await reader.query<{ reltuples: number; relpages: number } & { quoted: string }>(
      `select c.reltuples::float8 as reltuples, c.relpages, format('%I.%I', n.nspname, c.relname) as quoted
         from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p')`,
      table.split(/\.(.*)/s).slice(0, 2),
    );
    const row = rows[0];
    if (!row) {
      estimates.set(table, null);
      continue;
    }
    if (row.relpages < 10_000) {
      const { rows: counted } = await reader.query<{ n: string }>(`select count(*)::text as n from ${row.quoted}`);
      estimates.set(table, Number(counted[0]?.n ?? 0));
    } else estimates.set(table, row.reltuples >= 0 ? Math.round(row.reltuples) : null);
  }
  return estimates;
}

/** Tables the whole plan drops (removed) or changes (a column, constraint, index... removed, added or altered). */
function tablesInDiff(diff: SchemaDiff): Map<string, { action: TableAtStake['action']; changes: string[] }> {
  const tables = new Map<string, { action: TableAtStake['action']; changes: string[] }>();
  for (const object of diff.removed) if (object.kind === 'table' || object.kind === 'partitioned table') tables.set(`${object.schema}.${object.name}`, { action: 'dropped', changes: [] });
  const note = (schema: string, table: string | undefined, change: string) => {
    if (table === undefined) return;
    const key = `${schema}.${table}`;
    if (tables.get(key)?.action === 'dropped') return;
    const entry = tables.get(key) ?? { action: 'altered' as const, changes: [] };
    entry.changes.push(change);
    tables.set(key, entry);
  };
  for (const o of diff.removed) note(o.schema, o.table, `${o.kind} ${o.name} removed`);
  for (const o of diff.added) note(o.schema, o.table, `${o.kind} ${o.name} added`);
  for (const { after, changes } of diff.altered) note(after.schema, after.table, `${after.kind} ${after.name} changed (${changes.map((c) => c.property).join(', ')})`);
  return tables;
}

export interface RehearsedDowns {
  stake: DownStake;
  rehearsal: RehearsalResult;
  /** The schema at the end of the rehearsal: what the real run must leave. */
  expected: SchemaSnapshot | null;
  before: SchemaSnapshot;
}

/**
 * What a down plan puts at stake, by rehearsing it (the engine's own rehearsal, rolled back): each
 * migration's down SQL, whether it has a usable down, the tables dropped or altered with their rows.
 */
export async function rehearseDowns(target: DatabaseTarget, project: ProjectSettings, selection: RunSelection, options: RunOptions & { production: boolean }): Promise<RehearsedDowns> {
  const snapshotOptions = snapshotOptionsOf(project);
  const before = await withClient(target, (client) => readSchemaSnapshot(client, snapshotOptions));
  let expected: SchemaSnapshot | null = null;
  const rehearsal = await rehearse(target, project, selection, {
    ...options,
    atEnd: async (reader) => {
      expected = await readSchemaSnapshot(reader, snapshotOptions);
    },
  });
  const perMigration = statementsPerMigration(rehearsal.statements, rehearsal.plan);
  const diff = expected ? diffSnapshots(before, expected) : { added: [], removed: [], altered: [] };
  const fromDiff = tablesInDiff(diff);
  const touchedBy = new Map(rehearsal.plan.map((name) => [name, (perMigration.get(name) ?? []).flatMap((sql) => tablesTouched(sql, project.schema))]));
  const allTables = [...new Set([...fromDiff.keys(), ...[...touchedBy.values()].flat().map((t) => t.table)])];
  const estimates = await withClient(target, (client) => rowEstimates(client, allTables));
  const atStake = (table: string, action: TableAtStake['action']): TableAtStake => {
    const [schema, name] = table.split(/\.(.*)/s) as [string, string];
    const whole = fromDiff.get(table);
    return { schema, name, action: whole?.action === 'dropped' ? 'dropped' : action, rowEstimate: estimates.get(table) ?? null, changes: whole?.changes ?? [] };
  };
  const failure: MigrationFailure | undefined = rehearsal.failure;
  const failedAt = failure?.migration ? rehearsal.plan.indexOf(failure.migration) : -1;
  const migrations: MigrationStake[] = rehearsal.plan.map((name, i) => {
    const seen = new Map<string, TableAtStake['action']>();
    for (const t of touchedBy.get(name) ?? []) if (!seen.has(t.table) || t.action === 'dropped') seen.set(t.table, t.action);
    const problem = failure && failedAt === i
      ? (failure.irreversible ? `No usable down: ${failure.message}` : `Its down failed in the rehearsal: ${failure.message}`)
      : failure && failedAt !== -1 && i > failedAt ? 'Not rehearsed: an earlier down in the plan failed.' : null;
    return { name, downSql: perMigration.get(name) ?? [], usableDown: problem === null && rehearsal.success, problem, tables: [...seen].map(([table, action]) => atStake(table, action)) };
  });
  const tables = [...fromDiff.keys()].map((table) => atStake(table, fromDiff.get(table)!.action));
  const rowsAtStake = tables.filter((t) => t.action === 'dropped').reduce((sum, t) => sum + (t.rowEstimate ?? 0), 0);
  const stake: DownStake = {
    migrations,
    tables,
    rowsAtStake,
    rehearsal: { success: rehearsal.success, message: rehearsal.message, ...(failure ? { failure } : {}) },
    production: options.production,
    backupRecommended: options.production || rowsAtStake > 0 || tables.some((t) => t.action !== 'altered' || (t.rowEstimate ?? 0) > 0),
    schemaChanges: summarizeDiff(diff),
  };
  return { stake, rehearsal, expected, before };
}
