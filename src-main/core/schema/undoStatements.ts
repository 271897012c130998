import type { SchemaDiff, SchemaObject, SchemaObjectKind } from '../../contract';
import { partOf } from './diffSnapshots';

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const qualified = (schema: string, name: string) => `${quoteIdent(schema)}.${quoteIdent(name)}`;

/** A function's key carries its argument types: `touch(integer, text)` -> `"s"."touch"(integer, text)`. */
function functionSignature(object: SchemaObject): string {
  const open = object.name.indexOf('(');
  return `${qualified(object.schema, object.name.slice(0, open))}${object.name.slice(open)}`;
}

const functionKeyword: Record<string, string> = { procedure: 'PROCEDURE', aggregate: 'AGGREGATE' };

function dropStatement(object: SchemaObject): string | null {
  const table = object.table === undefined ? '' : qualified(object.schema, object.table);
  switch (object.kind) {
    case 'policy':
      return `DROP POLICY ${quoteIdent(object.name)} ON ${table};`;
    case 'trigger':
      return `DROP TRIGGER ${quoteIdent(object.name)} ON ${table};`;
    case 'constraint':
      return `ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdent(object.name)};`;
    case 'index':
      // CONCURRENTLY: what a noTransaction migration usually leaves is a concurrently built index on a live table.
      return `DROP INDEX CONCURRENTLY IF EXISTS ${qualified(object.schema, object.name)};`;
    case 'column':
      return `ALTER TABLE ${table} DROP COLUMN ${quoteIdent(object.name)};`;
    case 'view':
      return `DROP VIEW ${qualified(object.schema, object.name)};`;
    case 'materialized view':
      return `DROP MATERIALIZED VIEW ${qualified(object.schema, object.name)};`;
    case 'table':
    case 'partitioned table':
      return `DROP TABLE ${qualified(object.schema, object.name)};`;
    case 'foreign table':
      return `DROP FOREIGN TABLE ${qualified(object.schema, object.name)};`;
    case 'sequence':
      return `DROP SEQUENCE ${qualified(object.schema, object.name)};`;
    case 'function':
      return `DROP ${functionKeyword[String(object.properties.kind)] ?? 'FUNCTION'} ${functionSignature(object)};`;
    case 'type':
      return object.properties.category === 'domain' ? `DROP DOMAIN ${qualified(object.schema, object.name)};` : `DROP TYPE ${qualified(object.schema, object.name)};`;
    case 'schema':
      return `DROP SCHEMA ${quoteIdent(object.name)};`;
    case 'extension':
      return `DROP EXTENSION ${quoteIdent(object.name)};`;
  }
}

// Dependents first: triggers and constraints before the tables and functions they use, types and schemas last.
const dropOrder: SchemaObjectKind[] = ['policy', 'trigger', 'constraint', 'index', 'column', 'view', 'materialized view', 'table', 'partitioned table', 'foreign table', 'function', 'sequence', 'type', 'schema', 'extension'];

/**
 * The statements that drop what a diff added, for an operator to review and run by hand (nothing runs
 * them for you). The parts of an added table go with it; an index behind an added constraint goes with
 * the constraint; a sequence owned by a column goes with its table.
 */
export function undoStatements(diff: SchemaDiff): string[] {
  const addedRelations = new Set(diff.added.filter((o) => o.table === undefined).map((o) => `${o.schema}.${o.name}`));
  const ofAddedRelation = partOf(addedRelations);
  const constraintNames = new Set(diff.added.filter((o) => o.kind === 'constraint').map((o) => `${o.schema}.${o.table}.${o.name}`));
  const needed = diff.added.filter(
    (o) =>
      !ofAddedRelation(o) &&
      !(o.kind === 'index' && constraintNames.has(`${o.schema}.${o.table}.${o.name}`)) &&
      !(o.kind === 'sequence' && o.properties.owned_by),
  );
  needed.sort((a, b) => dropOrder.indexOf(a.kind) - dropOrder.indexOf(b.kind));
  return needed.map(dropStatement).filter((s): s is string => s !== null);
}
