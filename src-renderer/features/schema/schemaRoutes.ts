// Addresses of the Schema section, small on purpose: the timeline and the diff drawer import it
// without loading the section itself.

export type SchemaView = 'table' | 'erd';

/** `#/schema/public/users`: one table; `?view=erd` shows it in the diagram with its neighbours. */
export function schemaTablePath(schema: string, name: string, view: SchemaView = 'table'): string {
  const path = `/schema/${encodeURIComponent(schema)}/${encodeURIComponent(name)}`;
  return view === 'erd' ? `${path}?view=erd` : path;
}

/** `#/schema?view=erd&schema=public`: the diagram of a whole schema. */
export function schemaDiagramPath(schema: string | null): string {
  return schema ? `/schema?view=erd&schema=${encodeURIComponent(schema)}` : '/schema?view=erd';
}

/** The table a `schema/*` splat names, or null for the section's start. */
export function tableFromSplat(splat: string | undefined): { schema: string; name: string } | null {
  const [schema, name, ...rest] = (splat ?? '').split('/').filter((part) => part !== '');
  if (!schema || !name || rest.length > 0) return null;
  try {
    return { schema: decodeURIComponent(schema), name: decodeURIComponent(name) };
  } catch {
    return null;
  }
}
