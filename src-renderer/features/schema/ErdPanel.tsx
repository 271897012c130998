import { useMemo } from 'react';
import { Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { ErdCanvas } from './ErdCanvas';
import { erdForSchema, erdNeighbourhood, tableId, type ErdGraph } from './erdGraph';
import { schemaDiagramPath } from './schemaRoutes';

interface ErdPanelProps {
  graph: ErdGraph;
  schemas: string[];
  /** With a table: it and its neighbours; without: a whole schema. */
  table: { schema: string; name: string } | null;
  onOpenTable(schema: string, name: string): void;
}

const depths = ['1', '2', '3'];

/** The diagram with its filter: a schema, or a table and its neighbours to a depth of 1 to 3 foreign keys. */
export function ErdPanel({ graph, schemas, table, onOpenTable }: ErdPanelProps) {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const depth = depths.includes(search.get('depth') ?? '') ? Number(search.get('depth')) : 1;
  const schema = table?.schema ?? (schemas.includes(search.get('schema') ?? '') ? (search.get('schema') as string) : (schemas.includes('public') ? 'public' : (schemas[0] ?? null)));
  const focus = table ? tableId(table.schema, table.name) : null;
  const shown = useMemo(() => (focus ? erdNeighbourhood(graph, focus, depth) : schema ? erdForSchema(graph, schema) : graph), [graph, focus, depth, schema]);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next);
  };

  return (
    <Stack gap="xs" p="md" style={{ flex: 1, minHeight: 0 }} data-testid="erd-panel">
      <Group gap="sm">
        {table ? (
          <>
            <Text size="sm">{'Neighbours of '}<Text span ff="monospace" fw={600}>{`${table.schema}.${table.name}`}</Text>{' up to'}</Text>
            <SegmentedControl size="xs" value={String(depth)} onChange={(value) => setParam('depth', value)} data={depths.map((d) => ({ value: d, label: `${d} FK${d === '1' ? '' : 's'}` }))} aria-label="Depth" />
            <Button size="xs" variant="subtle" onClick={() => void navigate(schemaDiagramPath(table.schema))}>{`Whole schema ${table.schema}`}</Button>
          </>
        ) : (
          <Select size="xs" label="Schema" value={schema} data={schemas} allowDeselect={false} onChange={(value) => value && setParam('schema', value)} w={220} />
        )}
      </Group>
      {shown.tables.length === 0
        ? <Text size="sm" c="dimmed" data-testid="erd-empty">{table ? 'This relation is not a table (views are not drawn).' : 'No tables in this schema.'}</Text>
        : <ErdCanvas graph={shown} focus={focus} fileName={table ? `erd-${table.schema}.${table.name}` : `erd-${schema ?? 'all'}`} onOpenTable={onOpenTable} />}
    </Stack>
  );
}
