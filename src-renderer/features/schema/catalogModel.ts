import type { CatalogRelationKind, SchemaCatalog } from '../../../src-main/contract';
import { tableId, type ErdGraph } from './erdGraph';
import type { TreeObject, TreeSchema } from './schemaTreeRows';

const relationGroups: { kind: CatalogRelationKind; label: string }[] = [
  { kind: 'table', label: 'Tables' },
  { kind: 'partitioned table', label: 'Partitioned tables' },
  { kind: 'foreign table', label: 'Foreign tables' },
  { kind: 'view', label: 'Views' },
  { kind: 'materialized view', label: 'Materialized views' },
];

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

function rowsNote(rowEstimate: number | null): string | undefined {
  return rowEstimate === null ? undefined : `~${compact.format(rowEstimate)} rows`;
}

/** The browser's tree: per schema, its relations by kind, then sequences, types, functions, triggers. */
export function catalogTree(catalog: SchemaCatalog): TreeSchema[] {
  return catalog.schemas.map((schema) => {
    const relations = relationGroups.map(({ kind, label }) => ({
      kind,
      label,
      objects: schema.relations.filter((r) => r.kind === kind).map((r): TreeObject => ({ schema: r.schema, name: r.name, kind, openable: true, note: rowsNote(r.rowEstimate) })),
    }));
    const others = [
      { kind: 'sequence', label: 'Sequences', objects: schema.sequences.map((s): TreeObject => ({ schema: s.schema, name: s.name, kind: 'sequence', openable: false, note: s.ownedBy ? `owned by ${s.ownedBy.split('.').slice(1).join('.')}` : undefined })) },
      { kind: 'type', label: 'Types', objects: schema.types.map((t): TreeObject => ({ schema: t.schema, name: t.name, kind: 'type', openable: false, note: t.category })) },
      { kind: 'function', label: 'Functions', objects: schema.functions.map((f): TreeObject => ({ schema: f.schema, name: `${f.name}(${f.arguments})`, kind: 'function', openable: false, note: f.kind === 'function' ? undefined : f.kind })) },
      { kind: 'trigger', label: 'Triggers', objects: schema.triggers.map((t): TreeObject => ({ schema: t.schema, name: t.name, kind: 'trigger', openable: false, note: `on ${t.table}` })) },
    ];
    return { name: schema.name, groups: [...relations, ...others].filter((group) => group.objects.length > 0) };
  });
}

/** Every table-like relation with its columns, and one edge per foreign key. */
export function catalogErd(catalog: SchemaCatalog): ErdGraph {
  const graph: ErdGraph = { tables: [], edges: [] };
  for (const schema of catalog.schemas) {
    for (const relation of schema.relations) {
      if (relation.kind === 'view' || relation.kind === 'materialized view') continue;
      const fkColumns = new Set(relation.foreignKeys.flatMap((fk) => fk.columns));
      const id = tableId(relation.schema, relation.name);
      graph.tables.push({
        id,
        schema: relation.schema,
        name: relation.name,
        columns: relation.columns.map((c) => ({ name: c.name, type: c.type, primaryKey: c.primaryKey, foreignKey: fkColumns.has(c.name), notNull: c.notNull })),
      });
      for (const fk of relation.foreignKeys) {
        graph.edges.push({ id: `${id}:${fk.name}`, source: id, target: tableId(fk.referencedSchema, fk.referencedTable), label: fk.columns.join(', ') });
      }
    }
  }
  // A key to a table outside the catalog (another database's view of it, a dropped partition) has nowhere to go.
  const known = new Set(graph.tables.map((t) => t.id));
  graph.edges = graph.edges.filter((e) => known.has(e.target));
  return graph;
}

export function relationCount(catalog: SchemaCatalog): number {
  return catalog.schemas.reduce((sum, s) => sum + s.relations.length, 0);
}
