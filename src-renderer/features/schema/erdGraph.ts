/** What the ERD draws, independent of where it came from. */
export interface ErdColumn {
  name: string;
  type: string;
  primaryKey: boolean;
  foreignKey: boolean;
  notNull: boolean;
}

export interface ErdTable {
  /** schema.name */
  id: string;
  schema: string;
  name: string;
  columns: ErdColumn[];
}

/** A foreign key: from the referencing table to the referenced one. */
export interface ErdEdge {
  id: string;
  source: string;
  target: string;
  label: string;
}

export interface ErdGraph {
  tables: ErdTable[];
  edges: ErdEdge[];
}

export const tableId = (schema: string, name: string) => `${schema}.${name}`;

/** Only the tables of one schema, and the foreign keys between them. */
export function erdForSchema(graph: ErdGraph, schema: string): ErdGraph {
  const tables = graph.tables.filter((t) => t.schema === schema);
  return { tables, edges: edgesWithin(graph.edges, new Set(tables.map((t) => t.id))) };
}

/**
 * A table and its neighbours up to `depth` foreign keys away, either way (what it references and
 * what references it), with the foreign keys between them.
 */
export function erdNeighbourhood(graph: ErdGraph, focus: string, depth: number): ErdGraph {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => adjacent.set(a, [...(adjacent.get(a) ?? []), b]);
  for (const edge of graph.edges) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  const reached = new Set([focus]);
  let frontier = [focus];
  for (let step = 0; step < depth && frontier.length > 0; step += 1) {
    frontier = frontier.flatMap((id) => adjacent.get(id) ?? []).filter((id) => !reached.has(id));
    for (const id of frontier) reached.add(id);
  }
  return { tables: graph.tables.filter((t) => reached.has(t.id)), edges: edgesWithin(graph.edges, reached) };
}

function edgesWithin(edges: ErdEdge[], ids: ReadonlySet<string>): ErdEdge[] {
  return edges.filter((e) => ids.has(e.source) && ids.has(e.target));
}
