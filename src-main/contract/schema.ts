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
  /** The relation a column, index, constraint or trigger belongs to (same schema), or a domain's type. */
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
