import ELK from 'elkjs/lib/elk.bundled.js';
import type { ErdGraph, ErdTable } from './erdGraph';

export const erdNodeWidth = 260;
const headerHeight = 34;
export const erdColumnHeight = 22;

export function erdNodeHeight(table: ErdTable): number {
  return headerHeight + Math.max(1, table.columns.length) * erdColumnHeight + 8;
}

export interface LaidOutTable {
  table: ErdTable;
  x: number;
  y: number;
}

// One instance: the bundled build runs ELK on the main thread without a worker file, which the
// CSP's worker-src and Electron's file:// would otherwise complicate. Layout is async anyway.
const elk = new ELK();

/** Positions for every table: layered, referenced tables above the ones that reference them (wide screens fit a row of children). */
export async function layoutErd(graph: ErdGraph): Promise<LaidOutTable[]> {
  const result = await elk.layout({
    id: 'erd',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'UP',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.componentComponent': '60',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: graph.tables.map((table) => ({ id: table.id, width: erdNodeWidth, height: erdNodeHeight(table) })),
    edges: graph.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const byId = new Map(graph.tables.map((t) => [t.id, t]));
  return (result.children ?? []).flatMap((node) => {
    const table = byId.get(node.id);
    return table ? [{ table, x: node.x ?? 0, y: node.y ?? 0 }] : [];
  });
}
