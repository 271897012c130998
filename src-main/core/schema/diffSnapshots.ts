import type { SchemaChangeSummary, SchemaDiff, SchemaObject, SchemaPropertyChange, SchemaSnapshot } from '../../contract';
import { describeSchemaObject, schemaObjectKey } from './schemaObjectKey';

const sameValue = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

function propertyChanges(before: SchemaObject, after: SchemaObject): SchemaPropertyChange[] {
  const names = [...new Set([...Object.keys(before.properties), ...Object.keys(after.properties)])].sort();
  return names
    .filter((property) => !sameValue(before.properties[property], after.properties[property]))
    .map((property) => ({ property, before: before.properties[property] ?? null, after: after.properties[property] ?? null }));
}

/** What changed from `before` to `after`: objects added, removed, and altered (with each property that differs). */
export function diffSnapshots(before: SchemaSnapshot, after: SchemaSnapshot): SchemaDiff {
  const old = new Map(before.objects.map((o) => [schemaObjectKey(o), o]));
  const now = new Map(after.objects.map((o) => [schemaObjectKey(o), o]));
  const diff: SchemaDiff = { added: [], removed: [], altered: [] };
  for (const [key, object] of now) {
    const previous = old.get(key);
    if (!previous) diff.added.push(object);
    else {
      const changes = propertyChanges(previous, object);
      if (changes.length) diff.altered.push({ before: previous, after: object, changes });
    }
  }
  for (const [key, object] of old) if (!now.has(key)) diff.removed.push(object);
  return diff;
}

export function isEmptyDiff(diff: SchemaDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.altered.length === 0;
}

/** The relations in a list of objects, as `schema.name`: their own parts need no line of their own. */
function relationsIn(objects: SchemaObject[]): Set<string> {
  return new Set(objects.filter((o) => o.table === undefined && o.kind !== 'schema' && o.kind !== 'extension').map((o) => `${o.schema}.${o.name}`));
}

/** The relation an object belongs to, as `schema.name`: a column's table, a serial's sequence's table. */
function owner(object: SchemaObject): string | null {
  if (object.table !== undefined) return `${object.schema}.${object.table}`;
  const ownedBy = object.kind === 'sequence' ? object.properties.owned_by : null;
  return typeof ownedBy === 'string' ? ownedBy.slice(0, ownedBy.lastIndexOf('.')) : null;
}

/** True for a column, index, constraint, trigger or owned sequence of a relation that is itself in `relations`. */
export const partOf = (relations: Set<string>) => (object: SchemaObject) => {
  const relation = owner(object);
  return relation !== null && relations.has(relation);
};

/** One line per change an operator cares about: a new table, not also each of its columns. */
export function summarizeDiff(diff: SchemaDiff): SchemaChangeSummary {
  const addedParts = partOf(relationsIn(diff.added));
  const removedParts = partOf(relationsIn(diff.removed));
  return {
    added: diff.added.filter((o) => !addedParts(o)).map(describeSchemaObject),
    removed: diff.removed.filter((o) => !removedParts(o)).map(describeSchemaObject),
    altered: diff.altered.map(({ after, changes }) => `${describeSchemaObject(after)} (${changes.map((c) => c.property.replace(/_/g, ' ')).join(', ')})`),
  };
}
