// Integrity of a database after a change (a rollback's downs, a restore): foreign keys whose rows
// lost their parent, and constraints or indexes PostgreSQL does not consider valid.
import type { ForeignKeyOrphans } from '../../contract';
import type { CatalogReader } from './readSnapshot';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const systemSchemas = `('pg_catalog', 'information_schema')`;

interface ForeignKeyRow {
  constraint: string;
  child_schema: string;
  child_table: string;
  parent_schema: string;
  parent_table: string;
  child_cols: string[];
  parent_cols: string[];
}

const foreignKeysQuery = `
select c.conname as constraint, cn.nspname as child_schema, cl.relname as child_table, pn.nspname as parent_schema, pl.relname as parent_table,
       array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, ord) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord) as child_cols,
       array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, ord) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.ord) as parent_cols
  from pg_constraint c
  join pg_class cl on cl.oid = c.conrelid join pg_namespace cn on cn.oid = cl.relnamespace
  join pg_class pl on pl.oid = c.confrelid join pg_namespace pn on pn.oid = pl.relnamespace
 where c.contype = 'f' and cn.nspname not in ${systemSchemas} and cn.nspname not like 'pg\\_%'
 order by 2, 3, 1`;

/** Every foreign key with rows whose (non-null) key has no parent row: one count per foreign key. */
export async function readForeignKeyOrphans(reader: CatalogReader): Promise<ForeignKeyOrphans[]> {
  const { rows } = await reader.query<ForeignKeyRow>(foreignKeysQuery);
  const orphans: ForeignKeyOrphans[] = [];
  for (const fk of rows) {
    const child = `${quoteIdent(fk.child_schema)}.${quoteIdent(fk.child_table)}`;
    const parent = `${quoteIdent(fk.parent_schema)}.${quoteIdent(fk.parent_table)}`;
    const notNull = fk.child_cols.map((c) => `c.${quoteIdent(c)} is not null`).join(' and ');
    const matches = fk.child_cols.map((c, i) => `p.${quoteIdent(fk.parent_cols[i]!)} = c.${quoteIdent(c)}`).join(' and ');
    const { rows: counted } = await reader.query<{ n: string }>(`select count(*)::text as n from ${child} c where ${notNull} and not exists (select 1 from ${parent} p where ${matches})`);
    const orphanRows = Number(counted[0]?.n ?? 0);
    if (orphanRows > 0) orphans.push({ constraint: fk.constraint, table: `${fk.child_schema}.${fk.child_table}`, references: `${fk.parent_schema}.${fk.parent_table}`, orphanRows });
  }
  return orphans;
}

/** Constraints not validated (`convalidated`) and indexes not valid (`indisvalid`, e.g. a failed CREATE INDEX CONCURRENTLY). */
export async function readInvalidObjects(reader: CatalogReader): Promise<{ constraints: string[]; indexes: string[] }> {
  const { rows: constraints } = await reader.query<{ name: string }>(
    `select n.nspname || '.' || cl.relname || '.' || c.conname as name from pg_constraint c join pg_class cl on cl.oid = c.conrelid join pg_namespace n on n.oid = cl.relnamespace
      where not c.convalidated and n.nspname not in ${systemSchemas} order by 1`,
  );
  const { rows: indexes } = await reader.query<{ name: string }>(
    `select n.nspname || '.' || ci.relname as name from pg_index i join pg_class ci on ci.oid = i.indexrelid join pg_namespace n on n.oid = ci.relnamespace
      where not i.indisvalid and n.nspname not in ${systemSchemas} order by 1`,
  );
  return { constraints: constraints.map((r) => r.name), indexes: indexes.map((r) => r.name) };
}
