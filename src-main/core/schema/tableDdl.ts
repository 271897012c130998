import type { TableColumn, TableDetail, TableIndex, TablePolicy } from '../../contract';

// CREATE TABLE reconstructed from the catalogs, the way pg_dump orders it: the table with its columns
// and its own constraints (foreign keys after, as ALTER TABLE, so tables can be created in any order),
// then per-column settings, indexes that back no constraint, comments, row security, policies, triggers.

export interface DdlColumn extends TableColumn {
  quoted: string;
  qualifiedCollation: string | null;
  /** false: only inherited from a parent (not repeated in the child's CREATE TABLE). */
  local: boolean;
  typeStorage: TableColumn['storage'];
}
export interface DdlConstraint {
  quoted: string;
  contype: string;
  definition: string;
  /** Declared on this table (not inherited, not cloned from a partitioned parent). */
  local: boolean;
  validated: boolean;
  comment: string | null;
}
export interface DdlIndex extends TableIndex {
  quoted: string;
  /** A partition's copy of its parent's index: created by the parent's. */
  inherited: boolean;
}
export interface DdlInput extends Omit<TableDetail, 'ddl' | 'queryCount' | 'loadedAt' | 'columns' | 'constraints' | 'indexes' | 'policies' | 'triggers' | 'rules'> {
  rules: (TableDetail['rules'][number] & { quoted: string })[];
  triggers: (TableDetail['triggers'][number] & { quoted: string })[];
  qualified: string;
  columns: DdlColumn[];
  constraints: DdlConstraint[];
  indexes: DdlIndex[];
  policies: (TablePolicy & { quoted: string })[];
  parentsQualified: string[];
}

const triggerStates: Record<string, string | undefined> = { D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' };
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

function columnLine(column: DdlColumn): string {
  const parts = [`${column.quoted} ${column.type}`];
  if (column.qualifiedCollation) parts.push(`COLLATE ${column.qualifiedCollation}`);
  if (column.generated === 'stored') parts.push(`GENERATED ALWAYS AS (${column.default ?? ''}) STORED`);
  else if (column.identity) parts.push(`GENERATED ${column.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`);
  else if (column.default !== null) parts.push(`DEFAULT ${column.default}`);
  if (!column.nullable) parts.push('NOT NULL');
  return parts.join(' ');
}

function policyStatement(table: string, policy: DdlInput['policies'][number]): string {
  const parts = [`CREATE POLICY ${policy.quoted} ON ${table}`];
  if (!policy.permissive) parts.push('AS RESTRICTIVE');
  parts.push(`FOR ${policy.command}`);
  if (policy.roles.length) parts.push(`TO ${policy.roles.map((r) => `"${r.replace(/"/g, '""')}"`).join(', ')}`);
  if (policy.using !== null) parts.push(`USING (${policy.using})`);
  if (policy.withCheck !== null) parts.push(`WITH CHECK (${policy.withCheck})`);
  return `${parts.join(' ')};`;
}

function viewDdl(input: DdlInput): string {
  const keyword = input.kind === 'materialized view' ? 'MATERIALIZED VIEW' : 'VIEW';
  const lines = [`CREATE ${keyword} ${input.qualified} AS\n${(input.viewDefinition ?? '').trimEnd().replace(/;$/, '')};`];
  if (input.description !== null) lines.push(`COMMENT ON ${keyword} ${input.qualified} IS ${literal(input.description)};`);
  for (const column of input.columns) {
    if (column.description !== null) lines.push(`COMMENT ON COLUMN ${input.qualified}.${column.quoted} IS ${literal(column.description)};`);
  }
  for (const index of input.indexes) lines.push(`${index.definition};`);
  return lines.join('\n');
}

export function tableDdl(input: DdlInput): string {
  if (input.kind === 'view' || input.kind === 'materialized view') return viewDdl(input);
  const table = input.qualified;
  const ownConstraints = input.constraints.filter((k) => k.local && k.contype !== 'n' && k.contype !== 't');
  // As pg_dump does: foreign keys and NOT VALID checks after the table, so they apply as they are.
  const afterwards = (k: DdlConstraint) => k.contype === 'f' || !k.validated;
  const inline = ownConstraints.filter((k) => !afterwards(k));
  const statements: string[] = [];
  const unlogged = input.persistence === 'unlogged' ? 'UNLOGGED ' : '';
  let create: string;
  if (input.partitionOf) {
    const body = [...input.columns.filter((c) => c.default !== null && !c.generated && !c.identity).map((c) => `${c.quoted} DEFAULT ${c.default}`), ...inline.map((k) => `CONSTRAINT ${k.quoted} ${k.definition}`)];
    create = `CREATE ${unlogged}TABLE ${table} PARTITION OF ${input.parentsQualified[0] ?? ''}${body.length ? ` (\n    ${body.join(',\n    ')}\n)` : ''}\n${input.partitionOf.bound}`;
  } else {
    const body = [...input.columns.filter((c) => c.local).map(columnLine), ...inline.map((k) => `CONSTRAINT ${k.quoted} ${k.definition}`)];
    create = `CREATE ${unlogged}${input.kind === 'foreign table' ? 'FOREIGN ' : ''}TABLE ${table} (\n    ${body.join(',\n    ')}\n)`;
    if (input.parentsQualified.length) create += `\nINHERITS (${input.parentsQualified.join(', ')})`;
  }
  if (input.partitionKey) create += `\nPARTITION BY ${input.partitionKey}`;
  if (input.accessMethod && input.accessMethod !== 'heap') create += `\nUSING ${input.accessMethod}`;
  if (input.options.length) create += `\nWITH (${input.options.join(', ')})`;
  statements.push(`${create};`);

  for (const column of input.columns) {
    const alter = `ALTER TABLE ONLY ${table} ALTER COLUMN ${column.quoted}`;
    if (column.storage !== column.typeStorage) statements.push(`${alter} SET STORAGE ${column.storage.toUpperCase()};`);
    if (column.compression) statements.push(`${alter} SET COMPRESSION ${column.compression};`);
    if (column.statsTarget !== null) statements.push(`${alter} SET STATISTICS ${column.statsTarget};`);
  }
  for (const k of ownConstraints.filter(afterwards)) statements.push(`ALTER TABLE ${table} ADD CONSTRAINT ${k.quoted} ${k.definition};`);
  for (const index of input.indexes) {
    // `ON ONLY` builds a partitioned table's index without its partitions' (pg_dump attaches them one by one).
    if (index.constraint === null && !index.inherited) statements.push(`${index.definition.replace(/^(CREATE (?:UNIQUE )?INDEX \S+ ON) ONLY /, '$1 ')};`);
  }
  for (const index of input.indexes) if (index.clustered) statements.push(`ALTER TABLE ${table} CLUSTER ON ${index.quoted};`);
  if (input.replicaIdentity === 'full' || input.replicaIdentity === 'nothing') statements.push(`ALTER TABLE ${table} REPLICA IDENTITY ${input.replicaIdentity.toUpperCase()};`);
  const identityIndex = input.indexes.find((i) => i.replicaIdentity);
  if (input.replicaIdentity === 'index' && identityIndex) statements.push(`ALTER TABLE ${table} REPLICA IDENTITY USING INDEX ${identityIndex.quoted};`);

  if (input.description !== null) statements.push(`COMMENT ON TABLE ${table} IS ${literal(input.description)};`);
  for (const column of input.columns) {
    if (column.description !== null) statements.push(`COMMENT ON COLUMN ${table}.${column.quoted} IS ${literal(column.description)};`);
  }
  for (const k of ownConstraints) if (k.comment !== null) statements.push(`COMMENT ON CONSTRAINT ${k.quoted} ON ${table} IS ${literal(k.comment)};`);
  const schemaPrefix = table.slice(0, table.length - table.split('.').at(-1)!.length);
  for (const index of input.indexes) if (index.comment !== null && !index.inherited) statements.push(`COMMENT ON INDEX ${schemaPrefix}${index.quoted} IS ${literal(index.comment)};`);

  if (input.rowSecurity.enabled) statements.push(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;`);
  if (input.rowSecurity.forced) statements.push(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`);
  for (const policy of input.policies) statements.push(policyStatement(table, policy));
  for (const trigger of input.triggers) if (!trigger.inherited) statements.push(`${trigger.definition};`);
  for (const statistics of input.statistics) statements.push(`${statistics.definition};`);
  for (const rule of input.rules) statements.push(rule.definition);
  for (const trigger of input.triggers) {
    const state = triggerStates[trigger.enabled];
    if (state) statements.push(`ALTER TABLE ${table} ${state} TRIGGER ${trigger.quoted};`);
  }
  for (const rule of input.rules) {
    const state = triggerStates[rule.enabled];
    if (state) statements.push(`ALTER TABLE ${table} ${state} RULE ${rule.quoted};`);
  }
  return statements.join('\n');
}
