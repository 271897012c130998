import type {
  CatalogColumn, CatalogForeignKey, CatalogFunction, CatalogRelation, CatalogRelationKind, CatalogSchema, CatalogSequence, CatalogTrigger, CatalogType, SchemaCatalog,
} from '../../contract';
import * as queries from './browseQueries';
import { countingReader } from './countingReader';
import type { CatalogReader } from './readSnapshot';

const relationKinds: Record<string, CatalogRelationKind> = { r: 'table', p: 'partitioned table', f: 'foreign table', v: 'view', m: 'materialized view' };
const typeCategories: Record<string, CatalogType['category']> = { e: 'enum', d: 'domain', c: 'composite', r: 'range', m: 'multirange', b: 'base', p: 'pseudo' };
const functionKinds: Record<string, CatalogFunction['kind']> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };

interface RelationRow { oid: number; schema: string; name: string; relkind: string; reltuples: number | null; total_bytes: string | null; comment: string | null; partition_of: string | null; owned_by: string | null }
interface ColumnRow { oid: number; attnum: number; name: string; type: string; not_null: boolean; primary_key: boolean }
interface ForeignKeyRow { oid: number; name: string; columns: number[]; referenced_oid: number; referenced_schema: string; referenced_table: string; referenced_columns: number[] }

/** reltuples is -1 (PostgreSQL 14+) or 0 with no pages (older) before the first ANALYZE: unknown, not empty. */
export const rowEstimate = (reltuples: number | null): number | null => (reltuples === null || reltuples < 0 ? null : Math.round(reltuples));

/**
 * The whole database for the schema browser and the ERD: every user schema with its relations (with
 * columns and outgoing foreign keys), sequences, types, functions and triggers. A fixed number of
 * catalog queries whatever the number of tables (`queryCount`).
 */
export async function readCatalog(reader: CatalogReader): Promise<SchemaCatalog> {
  const started = performance.now();
  const counted = countingReader(reader);
  const rows = async <R extends object>(sql: string) => (await counted.query<R>(sql)).rows;
  const [info] = await rows<{ database: string; server_version: string }>(queries.databaseQuery);
  const schemas = new Map<string, CatalogSchema>();
  for (const row of await rows<{ name: string; owner: string; comment: string | null }>(queries.browseSchemasQuery)) {
    schemas.set(row.name, { name: row.name, owner: row.owner, comment: row.comment, relations: [], sequences: [], types: [], functions: [], triggers: [] });
  }
  const inSchema = (name: string) => schemas.get(name);

  const columnsOf = new Map<number, ColumnRow[]>();
  for (const row of await rows<ColumnRow>(queries.browseColumnsQuery)) {
    const list = columnsOf.get(row.oid);
    if (list) list.push(row);
    else columnsOf.set(row.oid, [row]);
  }
  const foreignKeysOf = new Map<number, CatalogForeignKey[]>();
  const columnNames = (oid: number, attnums: number[]) => {
    // attnum -> name through the columns already read, so the query stays a plain join. By attnum, not
    // position: a dropped column leaves a hole.
    const columns = columnsOf.get(oid);
    return attnums.map((n) => columns?.find((c) => c.attnum === n)?.name ?? `#${n}`);
  };

  const relationRows = await rows<RelationRow>(queries.browseRelationsQuery);
  for (const row of await rows<ForeignKeyRow>(queries.browseForeignKeysQuery)) {
    const key: CatalogForeignKey = {
      name: row.name,
      columns: columnNames(row.oid, row.columns),
      referencedSchema: row.referenced_schema,
      referencedTable: row.referenced_table,
      referencedColumns: columnNames(row.referenced_oid, row.referenced_columns),
    };
    const list = foreignKeysOf.get(row.oid);
    if (list) list.push(key);
    else foreignKeysOf.set(row.oid, [key]);
  }

  for (const row of relationRows) {
    const schema = inSchema(row.schema);
    if (!schema) continue;
    if (row.relkind === 'S') {
      const sequence: CatalogSequence = { schema: row.schema, name: row.name, ownedBy: row.owned_by, comment: row.comment };
      schema.sequences.push(sequence);
      continue;
    }
    const columns: CatalogColumn[] = (columnsOf.get(row.oid) ?? []).map((c) => ({ name: c.name, type: c.type, notNull: c.not_null, primaryKey: c.primary_key }));
    const relation: CatalogRelation = {
      schema: row.schema,
      name: row.name,
      kind: relationKinds[row.relkind] ?? 'table',
      rowEstimate: rowEstimate(row.reltuples),
      totalBytes: row.total_bytes === null ? null : Number(row.total_bytes),
      comment: row.comment,
      partitionOf: row.partition_of,
      columns,
      foreignKeys: foreignKeysOf.get(row.oid) ?? [],
    };
    schema.relations.push(relation);
  }
  for (const row of await rows<{ schema: string; name: string; typtype: string; labels: string[] | null; base_type: string | null; comment: string | null }>(queries.browseTypesQuery)) {
    const type: CatalogType = { schema: row.schema, name: row.name, category: typeCategories[row.typtype] ?? 'base', comment: row.comment };
    if (row.labels) type.labels = row.labels;
    if (row.base_type) type.baseType = row.base_type;
    inSchema(row.schema)?.types.push(type);
  }
  for (const row of await rows<{ schema: string; name: string; arguments: string; result: string | null; prokind: string; language: string; comment: string | null }>(queries.browseFunctionsQuery)) {
    const fn: CatalogFunction = { schema: row.schema, name: row.name, arguments: row.arguments, result: row.result, kind: functionKinds[row.prokind] ?? 'function', language: row.language, comment: row.comment };
    inSchema(row.schema)?.functions.push(fn);
  }
  for (const row of await rows<CatalogTrigger & { enabled: CatalogTrigger['enabled'] }>(queries.browseTriggersQuery)) {
    inSchema(row.schema)?.triggers.push({ schema: row.schema, table: row.table, name: row.name, enabled: row.enabled, function: row.function });
  }
  return {
    database: info?.database ?? '',
    serverVersion: info?.server_version ?? '',
    schemas: [...schemas.values()],
    loadedAt: new Date().toISOString(),
    queryCount: counted.count,
    durationMs: Math.round(performance.now() - started),
  };
}
