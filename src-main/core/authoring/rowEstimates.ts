import { withClient, type DatabaseTarget } from '../database';
import type { RowEstimate } from './lint';

/**
 * Row estimates of `tables` in `schema` from pg_class (no table is read): reltuples when the
 * table was analyzed; never analyzed (-1): null if it has pages on disk, else 0.
 */
export async function readRowEstimates(target: DatabaseTarget, schema: string, tables: readonly string[]): Promise<Map<string, RowEstimate>> {
  if (tables.length === 0) return new Map();
  const { rows } = await withClient(target, (client) =>
    client.query<{ relname: string; reltuples: number; bytes: string }>(
      `SELECT c.relname, c.reltuples::float8 AS reltuples, pg_relation_size(c.oid)::text AS bytes
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = $1 AND c.relname = ANY($2::text[])`,
      [schema, [...tables]],
    ),
  );
  return new Map(rows.map((r) => [r.relname, { rows: r.reltuples >= 0 ? Math.round(r.reltuples) : Number(r.bytes) > 0 ? null : 0 }]));
}
