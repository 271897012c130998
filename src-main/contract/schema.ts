import * as z from 'zod';
import { channel } from './channel';
import { migrationNameSchema, targetSchema, type MigrationFailure } from './migrations';

// The schema snapshot and its diff, as the engine hands them to every door (runs, authoring, backups).

export const schemaObjectKinds = [
  'schema',
  'extension',
  'table',
  'partitioned table',
  'foreign table',
  'view',
  'materialized view',
  'sequence',
  'column',
  'index',
  'constraint',
  'trigger',
  'type',
  'function',
  'policy',
] as const;
export type SchemaObjectKind = (typeof schemaObjectKinds)[number];

export type SchemaPropertyValue = string | number | boolean | null;

/** One schema object, normalized so that two snapshots compare property by property. */
export interface SchemaObject {
  kind: SchemaObjectKind;
  /** The schema it lives in (for a schema or an extension: its own name / the schema it is installed in). */
  schema: string;
  /** Its name; a function's carries its argument types, `f(integer, text)`. */
  name: string;
  /** The relation a column, index, constraint, trigger or policy belongs to (same schema), or a domain's type. */
  table?: string;
  /** What the diff compares: type, nullability, default, definition... */
  properties: Record<string, SchemaPropertyValue>;
}

/** Every schema object of a database outside the system schemas, sorted by `schemaObjectKey`. */
export interface SchemaSnapshot {
  objects: SchemaObject[];
}

export interface SchemaPropertyChange {
  property: string;
  before: SchemaPropertyValue;
  after: SchemaPropertyValue;
}

export interface AlteredSchemaObject {
  before: SchemaObject;
  after: SchemaObject;
  changes: SchemaPropertyChange[];
}

export interface SchemaDiff {
  added: SchemaObject[];
  removed: SchemaObject[];
  altered: AlteredSchemaObject[];
}

/** A diff told in words, one line per object (a new table's own columns and indexes are not repeated). */
export interface SchemaChangeSummary {
  added: string[];
  removed: string[];
  altered: string[];
}

// ---------------------------------------------------------------------------------------------
// The schema browser: the whole catalog for the tree and the ERD, one table's `\d+`, and the
// schema change one migration makes. Channels `schema/catalog`, `schema/table`, `schema/migration-diff`.

export const identifierSchema = z.string().min(1).max(200);

export const catalogInputSchema = targetSchema;
export const tableDetailInputSchema = targetSchema.extend({ schema: identifierSchema, name: identifierSchema });
export const migrationDiffInputSchema = targetSchema.extend({ migration: migrationNameSchema });

export const catalogRelationKinds = ['table', 'partitioned table', 'foreign table', 'view', 'materialized view'] as const;
export type CatalogRelationKind = (typeof catalogRelationKinds)[number];

/** A foreign key as the ERD draws it: these columns -> referencedSchema.referencedTable(referencedColumns). */
export interface CatalogForeignKey {
  name: string;
  columns: string[];
  referencedSchema: string;
  referencedTable: string;
  referencedColumns: string[];
}

/** A column as a tree row / ERD node shows it. */
export interface CatalogColumn {
  name: string;
  /** format_type(): `character varying(200)`, `integer[]`. */
  type: string;
  notNull: boolean;
  /** Part of the primary key. */
  primaryKey: boolean;
}

export interface CatalogRelation {
  schema: string;
  name: string;
  kind: CatalogRelationKind;
  /** pg_class.reltuples; null when never analyzed (-1 on PostgreSQL 14+), views have none. */
  rowEstimate: number | null;
  /**
   * Table + TOAST + indexes, from pg_class.relpages as of the last VACUUM / ANALYZE (an estimate,
   * like rowEstimate; schema/table has the exact sizes). Null for a view or a foreign table.
   */
  totalBytes: number | null;
  comment: string | null;
  /** For a partition: its parent `schema.name`; null otherwise. */
  partitionOf: string | null;
  columns: CatalogColumn[];
  /** The foreign keys this relation holds (edges out of it). */
  foreignKeys: CatalogForeignKey[];
}

export interface CatalogSequence {
  schema: string;
  name: string;
  /** `schema.table.column` of an owning column (serial / identity), else null. */
  ownedBy: string | null;
  comment: string | null;
}

export interface CatalogType {
  schema: string;
  name: string;
  category: 'enum' | 'domain' | 'composite' | 'range' | 'multirange' | 'base' | 'pseudo';
  /** Enum labels in order. */
  labels?: string[];
  /** A domain's base type. */
  baseType?: string;
  comment: string | null;
}

export interface CatalogFunction {
  schema: string;
  name: string;
  /** pg_get_function_identity_arguments: `a integer, b text`. */
  arguments: string;
  /** pg_get_function_result; null for a procedure. */
  result: string | null;
  kind: 'function' | 'procedure' | 'aggregate' | 'window';
  language: string;
  comment: string | null;
}

export interface CatalogTrigger {
  schema: string;
  table: string;
  name: string;
  /** pg_trigger.tgenabled: O origin (enabled), D disabled, R replica, A always. */
  enabled: 'O' | 'D' | 'R' | 'A';
  /** `trigger_fn()` schema-qualified when needed. */
  function: string;
}

export interface CatalogSchema {
  name: string;
  owner: string;
  comment: string | null;
  relations: CatalogRelation[];
  sequences: CatalogSequence[];
  types: CatalogType[];
  functions: CatalogFunction[];
  triggers: CatalogTrigger[];
}

/** The whole database (user schemas), read in a fixed number of catalog queries. */
export interface SchemaCatalog {
  database: string;
  /** server_version, e.g. `15.8`. */
  serverVersion: string;
  schemas: CatalogSchema[];
  /** ISO time the catalog was read. */
  loadedAt: string;
  /** Catalog queries issued (fixed, whatever the number of tables). */
  queryCount: number;
  durationMs: number;
}

export interface TableColumn {
  /** pg_attribute.attnum. */
  position: number;
  name: string;
  type: string;
  /** Only when it differs from the type's default collation (as psql shows it). */
  collation: string | null;
  nullable: boolean;
  /** The default expression; for a generated column its generation expression. */
  default: string | null;
  identity: 'always' | 'by default' | null;
  generated: 'stored' | null;
  storage: 'plain' | 'main' | 'external' | 'extended';
  /** pglz / lz4 when set on the column, else null (the server default). */
  compression: string | null;
  /** attstattarget when set (psql's "Stats target"), else null. */
  statsTarget: number | null;
  description: string | null;
}

export interface TableIndex {
  name: string;
  /** pg_get_indexdef: the whole CREATE INDEX. */
  definition: string;
  primary: boolean;
  unique: boolean;
  valid: boolean;
  clustered: boolean;
  /** REPLICA IDENTITY uses this index. */
  replicaIdentity: boolean;
  sizeBytes: number;
  /** The constraint this index backs (PRIMARY KEY / UNIQUE / EXCLUSION), else null. */
  constraint: string | null;
  comment: string | null;
}

export const constraintTypeNames = {
  p: 'PRIMARY KEY',
  u: 'UNIQUE',
  c: 'CHECK',
  f: 'FOREIGN KEY',
  x: 'EXCLUSION',
  t: 'CONSTRAINT TRIGGER',
  n: 'NOT NULL',
} as const;

export interface TableConstraint {
  name: string;
  /** pg_constraint.contype, as the seed's `SELECT conname, contype FROM pg_constraint` prints it. */
  contype: string;
  /** Readable: PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY, EXCLUSION, ... */
  type: string;
  /** pg_get_constraintdef. */
  definition: string;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
  /** false: inherited from a parent, not declared here. */
  local: boolean;
  comment: string | null;
}

export interface TableForeignKey {
  name: string;
  columns: string[];
  referencedSchema: string;
  referencedTable: string;
  referencedColumns: string[];
  definition: string;
  onUpdate: string;
  onDelete: string;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
}

/** A foreign key of another table (or of this one) that points at this table. */
export interface TableReferencingKey {
  name: string;
  /** The table that holds the key. */
  schema: string;
  table: string;
  columns: string[];
  referencedColumns: string[];
  definition: string;
}

export interface TableTrigger {
  name: string;
  /** pg_get_triggerdef. */
  definition: string;
  enabled: 'O' | 'D' | 'R' | 'A';
  /** A trigger cloned onto a partition from its parent's. */
  inherited: boolean;
  comment: string | null;
}

export interface TablePolicy {
  name: string;
  /** ALL, SELECT, INSERT, UPDATE, DELETE. */
  command: string;
  permissive: boolean;
  /** Role names; empty = PUBLIC. */
  roles: string[];
  using: string | null;
  withCheck: string | null;
}

export interface TableRelationRef {
  schema: string;
  name: string;
}

export interface TablePartition extends TableRelationRef {
  /** `FOR VALUES FROM (...) TO (...)` / `DEFAULT`. */
  bound: string;
  kind: CatalogRelationKind;
}

/** One table (or view, materialized view, partitioned or foreign table): everything psql's `\d+` shows, and its DDL. */
export interface TableDetail {
  schema: string;
  name: string;
  kind: CatalogRelationKind;
  persistence: 'permanent' | 'unlogged' | 'temporary';
  /** heap, or another table access method; null for a view / partitioned table without one. */
  accessMethod: string | null;
  /** reloptions: `fillfactor=70`. */
  options: string[];
  rowEstimate: number | null;
  sizes: { tableBytes: number; toastBytes: number; indexBytes: number; totalBytes: number };
  description: string | null;
  replicaIdentity: 'default' | 'nothing' | 'full' | 'index';
  rowSecurity: { enabled: boolean; forced: boolean };
  /** A view's or materialized view's definition (pg_get_viewdef). */
  viewDefinition: string | null;
  columns: TableColumn[];
  indexes: TableIndex[];
  constraints: TableConstraint[];
  foreignKeys: TableForeignKey[];
  referencedBy: TableReferencingKey[];
  triggers: TableTrigger[];
  policies: TablePolicy[];
  /** pg_get_partkeydef: `RANGE (starts_on)`; null when not partitioned. */
  partitionKey: string | null;
  partitionOf: (TableRelationRef & { bound: string }) | null;
  partitions: TablePartition[];
  inherits: TableRelationRef[];
  inheritedBy: TableRelationRef[];
  publications: string[];
  /** Extended statistics objects on it (CREATE STATISTICS); `definition` is pg_get_statisticsobjdef. */
  statistics: { schema: string; name: string; definition: string }[];
  /** Rewrite rules on it (not a view's own _RETURN); `definition` is pg_get_ruledef, a whole CREATE RULE. */
  rules: { name: string; definition: string; enabled: 'O' | 'D' | 'R' | 'A' }[];
  /** CREATE TABLE ... plus its indexes, comments, row security, policies and triggers. */
  ddl: string;
  loadedAt: string;
  queryCount: number;
}

/** What one migration's up (pending) or down (applied) would change, rehearsed and rolled back. */
export interface MigrationSchemaDiff {
  migration: string;
  direction: 'up' | 'down';
  /** Every migration the rehearsal ran, in order (others come in when the migration is not next / last). */
  plan: string[];
  /** `plan` without `migration`: the others the diff includes, empty when it is only this one. */
  alsoIncluded: string[];
  diff: SchemaDiff;
  summary: SchemaChangeSummary;
  /** The SQL the rehearsal executed. */
  statements: string[];
  success: boolean;
  message: string;
  failure?: MigrationFailure;
}

export const schemaContract = {
  'schema/catalog': channel<SchemaCatalog>()(catalogInputSchema),
  'schema/table': channel<TableDetail>()(tableDetailInputSchema),
  'schema/migration-diff': channel<MigrationSchemaDiff>()(migrationDiffInputSchema),
};
