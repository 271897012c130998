import type { SchemaDiff, SchemaObject, SchemaPropertyChange, SchemaPropertyValue } from '../../../src-main/contract';

export type ChangeKind = 'added' | 'removed' | 'altered';

export interface DiffItem {
  change: ChangeKind;
  kind: string;
  name: string;
  /** What it is, in a few words: a column's type, an index's definition. */
  detail: string | null;
  /** For an altered object: each property before → after. */
  changes: SchemaPropertyChange[];
}

/** One relation the migration touches (itself added/removed/altered, or only its parts), or the objects outside any relation. */
export interface DiffGroup {
  key: string;
  /** Null for objects that belong to no relation (types, functions, schemas...). */
  relation: { schema: string; name: string; kind: string } | null;
  /** The relation's own change; 'altered' when only its parts changed. */
  change: ChangeKind;
  items: DiffItem[];
}

const relationKinds = new Set(['table', 'partitioned table', 'foreign table', 'view', 'materialized view']);
const partOrder = ['column', 'index', 'constraint', 'trigger', 'sequence'];

function text(value: SchemaPropertyValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

const constraintTypes: Record<string, string> = { p: 'primary key', u: 'unique', c: 'check', f: 'foreign key', x: 'exclusion', t: 'constraint trigger', n: 'not null' };

/** The line an operator reads beside the name. */
function detailOf(object: SchemaObject): string | null {
  const p = object.properties;
  switch (object.kind) {
    case 'column': return [text(p.type), p.not_null ? 'not null' : null, p.default_value ? `default ${String(p.default_value)}` : null].filter(Boolean).join(', ') || null;
    case 'index': return text(p.definition);
    case 'constraint': return [constraintTypes[String(p.type)] ?? text(p.type), text(p.definition)].filter(Boolean).join(': ') || null;
    case 'trigger': return text(p.definition);
    case 'type': return [text(p.category), text(p.labels) ?? text(p.base_type)].filter(Boolean).join(': ') || null;
    case 'function': return [text(p.kind), p.result ? `returns ${String(p.result)}` : null].filter(Boolean).join(', ') || null;
    case 'sequence': return p.owned_by ? `owned by ${String(p.owned_by)}` : null;
    default: return text(p.definition);
  }
}

function item(change: ChangeKind, object: SchemaObject, changes: SchemaPropertyChange[] = []): DiffItem {
  return { change, kind: object.kind, name: object.name, detail: change === 'altered' ? null : detailOf(object), changes };
}

/**
 * The diff grouped the way an operator reads it: per table, the table's own change and then its
 * columns, indexes, constraints and triggers; objects outside tables last.
 */
export function groupDiff(diff: SchemaDiff): DiffGroup[] {
  const groups = new Map<string, DiffGroup>();
  const groupFor = (schema: string, name: string, kind = 'table'): DiffGroup => {
    const key = `${schema}.${name}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, relation: { schema, name, kind }, change: 'altered', items: [] };
      groups.set(key, group);
    }
    return group;
  };
  const others: DiffGroup = { key: '(other)', relation: null, change: 'altered', items: [] };
  const place = (change: ChangeKind, object: SchemaObject, changes?: SchemaPropertyChange[]) => {
    if (relationKinds.has(object.kind) && object.table === undefined) {
      const group = groupFor(object.schema, object.name, object.kind);
      group.relation = { schema: object.schema, name: object.name, kind: object.kind };
      if (change !== 'altered') group.change = change;
      // The relation's own altered properties (a view's definition) are an item of it.
      if (change === 'altered' || object.properties.definition) group.items.push(item(change, object, changes));
      return;
    }
    if (object.table !== undefined) groupFor(object.schema, object.table).items.push(item(change, object, changes));
    else if (ownerTable(object)) groupFor(object.schema, ownerTable(object) as string).items.push(item(change, object, changes));
    else others.items.push(item(change, object, changes));
  };
  for (const object of diff.added) place('added', object);
  for (const object of diff.removed) place('removed', object);
  for (const { after, changes } of diff.altered) place('altered', after, changes);

  const sorted = [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  for (const group of [...sorted, others]) {
    group.items.sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name));
  }
  return others.items.length ? [...sorted, others] : sorted;
}

/** A serial's or identity's sequence belongs with its table (owned_by: schema.table.column, same schema). */
function ownerTable(object: SchemaObject): string | null {
  const ownedBy = object.kind === 'sequence' ? object.properties.owned_by : null;
  if (typeof ownedBy !== 'string') return null;
  const [schema, table] = ownedBy.split('.');
  return schema === object.schema && table ? table : null;
}

function rank(kind: string): number {
  const index = partOrder.indexOf(kind);
  return index === -1 ? (relationKinds.has(kind) ? -1 : partOrder.length) : index;
}

export function formatValue(value: SchemaPropertyValue): string {
  if (value === null) return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
