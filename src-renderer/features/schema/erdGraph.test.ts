import { describe, expect, it } from 'vitest';
import { erdForSchema, erdNeighbourhood, type ErdGraph } from './erdGraph';

const table = (id: string) => ({ id, schema: id.split('.')[0] ?? '', name: id.split('.')[1] ?? '', columns: [] });
const fk = (source: string, target: string) => ({ id: `${source}->${target}`, source, target, label: '' });

// users <- courses <- episodes <- notes -> users; audit.log -> users
const graph: ErdGraph = {
  tables: ['public.users', 'public.courses', 'public.episodes', 'public.notes', 'public.tags', 'audit.log'].map(table),
  edges: [fk('public.courses', 'public.users'), fk('public.episodes', 'public.courses'), fk('public.notes', 'public.episodes'), fk('public.notes', 'public.users'), fk('audit.log', 'public.users')],
};
const ids = (g: ErdGraph) => g.tables.map((t) => t.id).sort();

describe('erdNeighbourhood', () => {
  it('follows foreign keys both ways, one step per depth', () => {
    expect(ids(erdNeighbourhood(graph, 'public.episodes', 1))).toEqual(['public.courses', 'public.episodes', 'public.notes']);
    expect(ids(erdNeighbourhood(graph, 'public.episodes', 2))).toEqual(['public.courses', 'public.episodes', 'public.notes', 'public.users']);
    expect(ids(erdNeighbourhood(graph, 'public.episodes', 3))).toEqual(['audit.log', 'public.courses', 'public.episodes', 'public.notes', 'public.users']);
  });

  it('keeps only the foreign keys between the tables it shows', () => {
    expect(erdNeighbourhood(graph, 'public.episodes', 1).edges.map((e) => e.id).sort()).toEqual(['public.episodes->public.courses', 'public.notes->public.episodes']);
  });

  it('shows a table without foreign keys alone', () => {
    expect(ids(erdNeighbourhood(graph, 'public.tags', 3))).toEqual(['public.tags']);
  });
});

describe('erdForSchema', () => {
  it('keeps one schema and drops the foreign keys that leave it', () => {
    const audit = erdForSchema(graph, 'audit');
    expect(ids(audit)).toEqual(['audit.log']);
    expect(audit.edges).toEqual([]);
  });
});
