import type { SchemaObject, SchemaObjectKind, SchemaPropertyValue, SchemaSnapshot } from '../../contract';
import * as queries from './catalogQueries';
import { schemaObjectKey } from './schemaObjectKey';

/** What a snapshot needs from a connection: a pg Client, PoolClient or Pool. */
export interface CatalogReader {
  query<R extends object>(sql: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export interface SnapshotOptions {
  /** The migrations table, left out of the snapshot with everything that belongs to it. */
  migrationsTable?: { schema: string; table: string };
}

type Row = Record<string, SchemaPropertyValue>;

const relationKinds: Record<string, SchemaObjectKind> = {
  r: 'table',
  p: 'partitioned table',
  f: 'foreign table',
  v: 'view',
  m: 'materialized view',
  S: 'sequence',
};

const typeCategories: Record<string, string> = { e: 'enum', d: 'domain', c: 'composite', r: 'range' };
const functionKinds: Record<string, string> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };

/** Keeps the properties that say something about this object (a table has no sequence_start). */
function present(row: Row, keys: string[]): Record<string, SchemaPropertyValue> {
  const properties: Record<string, SchemaPropertyValue> = {};
  for (const key of keys) if (row[key] !== null && row[key] !== undefined) properties[key] = row[key] as SchemaPropertyValue;
  return properties;
}

const text = (value: SchemaPropertyValue | undefined): string => String(value ?? '');

/**
 * Every schema object of the database the reader is connected to, outside the system schemas, in
 * ten catalog queries whatever the number of tables. Run it outside a failed transaction; inside an
 * open one it sees that transaction's uncommitted changes.
 */
export async function readSchemaSnapshot(reader: CatalogReader, options: SnapshotOptions = {}): Promise<SchemaSnapshot> {
  const params = [options.migrationsTable?.schema ?? '', options.migrationsTable?.table ?? ''];
  // Sequential on purpose: one connection runs one query at a time anyway.
  const read = async (sql: string): Promise<Row[]> => (await reader.query<Row>(sql, sql.includes('$1') ? params : [])).rows;
  const objects: SchemaObject[] = [];

  for (const row of await read(queries.schemasQuery)) objects.push({ kind: 'schema', schema: text(row.name), name: text(row.name), properties: present(row, ['comment']) });
  for (const row of await read(queries.extensionsQuery)) {
    objects.push({ kind: 'extension', schema: text(row.schema), name: text(row.name), properties: present(row, ['version']) });
  }
  const relations = await read(queries.relationsQuery);
  for (const row of relations) {
    const kind = relationKinds[text(row.relkind)] ?? 'table';
    const properties = present(row, [
      'persistence', 'definition', 'partition_key', 'partition_bound', 'parents', 'sequence_type', 'sequence_start', 'sequence_increment', 'sequence_min', 'sequence_max', 'sequence_cycle', 'owned_by',
      'comment', 'options', 'row_security', 'force_row_security', 'replica_identity', 'access_method',
    ]);
    objects.push({ kind, schema: text(row.schema), name: text(row.name), properties });
  }
  // The server version rides on the relations' rows: no relation, no column either.
  const serverVersion = Number(relations[0]?.server_version_num ?? 0);
  for (const row of await read(queries.columnsQuery(serverVersion))) {
    const properties = { not_null: row.not_null ?? false, ...present(row, ['type', 'default_value', 'identity', 'generated', 'collation', 'comment', 'storage', 'compression', 'statistics_target']) };
    objects.push({ kind: 'column', schema: text(row.schema), table: text(row.table), name: text(row.name), properties });
  }
  for (const row of await read(queries.indexesQuery)) {
    objects.push({ kind: 'index', schema: text(row.schema), table: text(row.table), name: text(row.name), properties: present(row, ['definition', 'is_primary', 'is_unique', 'is_valid', 'comment']) });
  }
  for (const row of await read(queries.constraintsQuery)) {
    objects.push({ kind: 'constraint', schema: text(row.schema), table: text(row.table), name: text(row.name), properties: present(row, ['type', 'definition', 'validated', 'comment']) });
  }
  for (const row of await read(queries.triggersQuery)) {
    objects.push({ kind: 'trigger', schema: text(row.schema), table: text(row.table), name: text(row.name), properties: present(row, ['definition', 'enabled', 'comment']) });
  }
  for (const row of await read(queries.policiesQuery)) {
    objects.push({ kind: 'policy', schema: text(row.schema), table: text(row.table), name: text(row.name), properties: present(row, ['command', 'permissive', 'roles', 'using_expression', 'with_check']) });
  }
  for (const row of await read(queries.typesQuery)) {
    const properties = { category: typeCategories[text(row.typtype)] ?? text(row.typtype), ...present(row, ['labels', 'base_type', 'not_null', 'default_value', 'attributes', 'subtype', 'comment']) };
    objects.push({ kind: 'type', schema: text(row.schema), name: text(row.name), properties });
  }
  for (const row of await read(queries.functionsQuery)) {
    const properties = { kind: functionKinds[text(row.prokind)] ?? text(row.prokind), ...present(row, ['language', 'result', 'volatility', 'security_definer', 'source_md5', 'comment']) };
    objects.push({ kind: 'function', schema: text(row.schema), name: text(row.name), properties });
  }

  objects.sort((a, b) => (schemaObjectKey(a) < schemaObjectKey(b) ? -1 : 1));
  return { objects };
}
