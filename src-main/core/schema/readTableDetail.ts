import {
  constraintTypeNames, StudioError,
  type CatalogRelationKind, type TableColumn, type TableConstraint, type TableDetail, type TableForeignKey, type TableIndex, type TablePartition, type TablePolicy, type TableReferencingKey, type TableRelationRef, type TableTrigger,
} from '../../contract';
import { countingReader } from './countingReader';
import { rowEstimate } from './readCatalog';
import type { CatalogReader } from './readSnapshot';
import { tableDdl, type DdlColumn, type DdlConstraint, type DdlIndex } from './tableDdl';
import * as queries from './tableQueries';

const relationKinds: Record<string, CatalogRelationKind> = { r: 'table', p: 'partitioned table', f: 'foreign table', v: 'view', m: 'materialized view' };
const persistences: Record<string, TableDetail['persistence']> = { p: 'permanent', u: 'unlogged', t: 'temporary' };
const replicaIdentities: Record<string, TableDetail['replicaIdentity']> = { d: 'default', n: 'nothing', f: 'full', i: 'index' };
const storages: Record<string, TableColumn['storage']> = { p: 'plain', m: 'main', e: 'external', x: 'extended' };
const fkActions: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
const compressions: Record<string, string> = { p: 'pglz', l: 'lz4' };

interface HeaderRow {
  oid: number; relkind: string; persistence: string; access_method: string | null; options: string[] | null; reltuples: number;
  table_bytes: string; toast_bytes: string; index_bytes: string; total_bytes: string; description: string | null; replica_identity: string;
  row_security: boolean; force_row_security: boolean; view_definition: string | null; partition_key: string | null; partition_bound: string | null;
  qualified: string; server_version_num: number;
}
interface ColumnRow {
  position: number; name: string; quoted: string; type: string; collation: string | null; qualified_collation: string | null; not_null: boolean; default_value: string | null;
  identity: string; generated: string; storage: string; type_storage: string; compression: string | null; stats_target: number | null; description: string | null; local: boolean;
}
interface IndexRow {
  name: string; quoted: string; definition: string; is_primary: boolean; is_unique: boolean; is_valid: boolean; is_clustered: boolean; is_replica_identity: boolean;
  size_bytes: string; constraint_name: string | null; comment: string | null; inherited: boolean;
}
interface ConstraintRow {
  name: string; quoted: string; contype: string; definition: string; deferrable: boolean; deferred: boolean; validated: boolean; local: boolean; from_parent: boolean;
  comment: string | null; columns: string[] | null; referenced_schema: string | null; referenced_table: string | null; referenced_columns: string[] | null; on_update: string; on_delete: string;
}
interface PolicyRow { name: string; quoted: string; command: string; permissive: boolean; roles: string[]; using_expression: string | null; with_check: string | null }
interface InheritanceRow { side: 'parent' | 'child'; schema: string; name: string; qualified: string; relkind: string; bound: string | null; is_partition: boolean }

function notFound(schema: string, name: string): StudioError {
  return new StudioError('not-found', `No table, view or materialized view named ${schema}.${name} in this database.`, {
    hint: 'Refresh the schema browser: it may have been dropped or renamed since the list was loaded.',
  });
}

/**
 * One relation as psql's `\d+` shows it: columns, indexes, constraints, foreign keys both ways,
 * triggers, policies, partitions, inheritance, publications, statistics, rules, and its reconstructed DDL. Ten catalog
 * queries at most, whatever the table.
 */
export async function readTableDetail(reader: CatalogReader, schema: string, name: string): Promise<TableDetail> {
  const counted = countingReader(reader);
  const rows = async <R extends object>(sql: string, values: unknown[]) => (await counted.query<R>(sql, values)).rows;
  const [header] = await rows<HeaderRow>(queries.tableHeaderQuery, [schema, name]);
  if (!header) throw notFound(schema, name);
  const oid = [header.oid];
  const version = header.server_version_num;
  const columnRows = await rows<ColumnRow>(queries.tableColumnsQuery(version), oid);
  const indexRows = await rows<IndexRow>(queries.tableIndexesQuery, oid);
  const constraintRows = await rows<ConstraintRow>(queries.tableConstraintsQuery, oid);
  const referencedBy = await rows<TableReferencingKey & { columns: string[] | null; referenced_columns: string[] | null }>(queries.tableReferencedByQuery, oid);
  const triggers = await rows<TableTrigger & { quoted: string }>(queries.tableTriggersQuery(version), oid);
  const policyRows = await rows<PolicyRow>(queries.tablePoliciesQuery, oid);
  const inheritance = await rows<InheritanceRow>(queries.tableInheritanceQuery, oid);
  const publications = await rows<{ pubname: string }>(queries.tablePublicationsQuery(version), oid);
  const extras = await rows<{ kind: 'statistics' | 'rule'; name: string; quoted: string; schema: string | null; definition: string; enabled: TableDetail['rules'][number]['enabled'] | null }>(queries.tableStatisticsAndRulesQuery, oid);

  const columns: TableColumn[] = columnRows.map((c) => ({
    position: c.position,
    name: c.name,
    type: c.type,
    collation: c.collation,
    nullable: !c.not_null,
    default: c.default_value,
    identity: c.identity === 'a' ? 'always' : c.identity === 'd' ? 'by default' : null,
    generated: c.generated === 's' ? 'stored' : null,
    storage: storages[c.storage] ?? 'plain',
    compression: c.compression ? (compressions[c.compression] ?? c.compression) : null,
    statsTarget: c.stats_target,
    description: c.description,
  }));
  const indexes: TableIndex[] = indexRows.map((i) => ({
    name: i.name,
    definition: i.definition,
    primary: i.is_primary,
    unique: i.is_unique,
    valid: i.is_valid,
    clustered: i.is_clustered,
    replicaIdentity: i.is_replica_identity,
    sizeBytes: Number(i.size_bytes),
    constraint: i.constraint_name,
    comment: i.comment,
  }));
  const constraints: TableConstraint[] = constraintRows.map((k) => ({
    name: k.name,
    contype: k.contype,
    type: constraintTypeNames[k.contype as keyof typeof constraintTypeNames] ?? k.contype,
    definition: k.definition,
    deferrable: k.deferrable,
    deferred: k.deferred,
    validated: k.validated,
    local: k.local,
    comment: k.comment,
  }));
  const foreignKeys: TableForeignKey[] = constraintRows
    .filter((k) => k.contype === 'f')
    .map((k) => ({
      name: k.name,
      columns: k.columns ?? [],
      referencedSchema: k.referenced_schema ?? '',
      referencedTable: k.referenced_table ?? '',
      referencedColumns: k.referenced_columns ?? [],
      definition: k.definition,
      onUpdate: fkActions[k.on_update] ?? k.on_update,
      onDelete: fkActions[k.on_delete] ?? k.on_delete,
      deferrable: k.deferrable,
      deferred: k.deferred,
      validated: k.validated,
    }));
  const policies: TablePolicy[] = policyRows.map((p) => ({ name: p.name, command: p.command, permissive: p.permissive, roles: p.roles, using: p.using_expression, withCheck: p.with_check }));
  const parents = inheritance.filter((r) => r.side === 'parent');
  const children = inheritance.filter((r) => r.side === 'child');
  const ref = (r: InheritanceRow): TableRelationRef => ({ schema: r.schema, name: r.name });
  const partitionParent = header.partition_bound !== null ? parents[0] : undefined;
  const partitions: TablePartition[] = children.filter((r) => r.is_partition).map((r) => ({ ...ref(r), bound: r.bound ?? '', kind: relationKinds[r.relkind] ?? 'table' }));
  const kind = relationKinds[header.relkind] ?? 'table';

  const ddlColumns: DdlColumn[] = columnRows.map((c, i) => ({ ...(columns[i] as TableColumn), quoted: c.quoted, qualifiedCollation: c.qualified_collation, local: c.local, typeStorage: storages[c.type_storage] ?? 'plain' }));
  const ddlConstraints: DdlConstraint[] = constraintRows.map((k) => ({ quoted: k.quoted, contype: k.contype, definition: k.definition, local: k.local && !k.from_parent, validated: k.validated, comment: k.comment }));
  const ddlIndexes: DdlIndex[] = indexRows.map((i, n) => ({ ...(indexes[n] as TableIndex), quoted: i.quoted, inherited: i.inherited }));
  const detail: Omit<TableDetail, 'ddl' | 'queryCount' | 'loadedAt'> = {
    schema,
    name,
    kind,
    persistence: persistences[header.persistence] ?? 'permanent',
    accessMethod: header.access_method,
    options: header.options ?? [],
    rowEstimate: kind === 'view' ? null : rowEstimate(header.reltuples),
    sizes: { tableBytes: Number(header.table_bytes) - Number(header.toast_bytes), toastBytes: Number(header.toast_bytes), indexBytes: Number(header.index_bytes), totalBytes: Number(header.total_bytes) },
    description: header.description,
    replicaIdentity: replicaIdentities[header.replica_identity] ?? 'default',
    rowSecurity: { enabled: header.row_security, forced: header.force_row_security },
    viewDefinition: header.view_definition,
    columns,
    indexes,
    constraints,
    foreignKeys,
    referencedBy: referencedBy.map((r) => ({ name: r.name, schema: r.schema, table: r.table, columns: r.columns ?? [], referencedColumns: r.referenced_columns ?? [], definition: r.definition })),
    triggers: triggers.map((t) => ({ name: t.name, definition: t.definition, enabled: t.enabled, inherited: t.inherited, comment: t.comment })),
    policies,
    partitionKey: header.partition_key,
    partitionOf: partitionParent ? { ...ref(partitionParent), bound: header.partition_bound ?? '' } : null,
    partitions,
    inherits: header.partition_bound !== null ? [] : parents.map(ref),
    inheritedBy: children.filter((r) => !r.is_partition).map(ref),
    publications: publications.map((p) => p.pubname),
    statistics: extras.filter((e) => e.kind === 'statistics').map((e) => ({ schema: e.schema ?? '', name: e.name, definition: e.definition })),
    rules: extras.filter((e) => e.kind === 'rule').map((e) => ({ name: e.name, definition: e.definition, enabled: e.enabled ?? 'O' })),
  };
  const ddl = tableDdl({ ...detail, qualified: header.qualified, columns: ddlColumns, constraints: ddlConstraints, indexes: ddlIndexes, policies: policyRows.map((p, i) => ({ ...(policies[i] as TablePolicy), quoted: p.quoted })), triggers, parentsQualified: parents.map((p) => p.qualified), rules: detail.rules.map((r, i) => ({ ...r, quoted: extras.filter((e) => e.kind === 'rule')[i]?.quoted ?? r.name })) });
  return { ...detail, ddl, loadedAt: new Date().toISOString(), queryCount: counted.count };
}
