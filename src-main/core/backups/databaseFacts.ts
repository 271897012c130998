import type { BackupTable } from '../../contract';
import type { CatalogReader } from '../schema';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const qualifiedName = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;
export const quotedTable = (t: { schema: string; name: string }) => `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;

/**
 * Ordinary tables (partitions included, partitioned parents hold no rows) outside the system schemas,
 * with their size from the catalog (pages of heap + TOAST as of the last VACUUM/ANALYZE): no lock
 * taken, so a table locked by someone else cannot stall the backup before it can show progress.
 */
export async function listTables(reader: CatalogReader, schemas: readonly string[] | null = null): Promise<{ schema: string; name: string; bytes: number }[]> {
  const { rows } = await reader.query<{ schema: string; name: string; bytes: string }>(
    `select n.nspname as schema, c.relname as name, ((c.relpages + coalesce((select t.relpages from pg_class t where t.oid = c.reltoastrelid), 0))::bigint * current_setting('block_size')::bigint)::text as bytes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
        and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
        and ($1::text[] is null or n.nspname = any($1::text[]))
      order by 1, 2`,
    [schemas],
  );
  return rows.map((r) => ({ schema: r.schema, name: r.name, bytes: Number(r.bytes) }));
}

/** Exact row counts, one count(*) per table (in the reader's snapshot). */
export async function countRows(reader: CatalogReader, tables: readonly { schema: string; name: string }[]): Promise<BackupTable[]> {
  const counted: BackupTable[] = [];
  for (const table of tables) {
    const { rows } = await reader.query<{ n: string }>(`select count(*)::text as n from ${quotedTable(table)}`);
    counted.push({ schema: table.schema, name: table.name, rows: Number(rows[0]?.n ?? 0) });
  }
  return counted;
}

/** Per-table content checksums (order-independent): what proves a restore gave back the same rows. */
export async function tableChecksums(reader: CatalogReader, tables: readonly { schema: string; name: string }[]): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await reader.query<{ sum: string | null }>(`select md5(string_agg(t::text, ',' order by t::text)) as sum from ${quotedTable(table)} t`);
    sums[qualifiedName(table)] = rows[0]?.sum ?? 'empty';
  }
  return sums;
}

/** The migrations recorded as applied, in run order; [] when the table does not exist yet. */
export async function appliedMigrationNames(reader: CatalogReader, table: { schema: string; table: string }): Promise<string[]> {
  const { rows: exists } = await reader.query<{ ok: boolean }>('select to_regclass($1) is not null as ok', [`${quoteIdent(table.schema)}.${quoteIdent(table.table)}`]);
  if (!exists[0]?.ok) return [];
  const { rows } = await reader.query<{ name: string }>(`select name from ${quoteIdent(table.schema)}.${quoteIdent(table.table)} order by run_on, id`);
  return rows.map((r) => r.name);
}

/** Row counts compared with what a backup recorded. */
export function compareRowCounts(expected: readonly BackupTable[], actual: readonly BackupTable[]) {
  const byName = new Map(actual.map((t) => [qualifiedName(t), t.rows]));
  const tables = expected.map((t) => ({ table: qualifiedName(t), expectedRows: t.rows, actualRows: byName.get(qualifiedName(t)) ?? null }));
  return { tables, mismatches: tables.filter((t) => t.actualRows !== t.expectedRows) };
}

/** Row counts of those of `expected` that exist in the reader's database (a missing one is left out). */
export async function countExistingRows(reader: CatalogReader, expected: readonly { schema: string; name: string }[]): Promise<BackupTable[]> {
  const present = new Set((await listTables(reader)).map(qualifiedName));
  return countRows(reader, expected.filter((t) => present.has(qualifiedName(t))));
}
