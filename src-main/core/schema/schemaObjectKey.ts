import type { SchemaObject } from '../../contract';

/** Identifies an object across two snapshots: kind, schema, the relation it belongs to, name. */
export function schemaObjectKey(object: Pick<SchemaObject, 'kind' | 'schema' | 'table' | 'name'>): string {
  return [object.kind, object.schema, object.table ?? '', object.name].join('\u0000');
}

/** `table public.books`, `index books_title_idx on public.books`, `function public.touch()`. */
export function describeSchemaObject(object: SchemaObject): string {
  if (object.kind === 'schema') return `schema ${object.name}`;
  if (object.kind === 'extension') return `extension ${object.name}`;
  if (object.table !== undefined) return `${object.kind} ${object.name} on ${object.schema}.${object.table}`;
  return `${object.kind} ${object.schema}.${object.name}`;
}
