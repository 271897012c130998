import '@xyflow/react/dist/style.css';
import { useMemo, useRef, useState } from 'react';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, type Edge } from '@xyflow/react';
import { Button, Center, Group, Loader, Text, useComputedColorScheme } from '@mantine/core';
import { IconPhoto, IconVectorBezier2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { notifyError } from '../../lib/notifyError';
import { exportErd } from './erdExport';
import type { ErdGraph } from './erdGraph';
import { layoutErd } from './erdLayout';
import { TableNode, type TableNodeType } from './TableNode';
import classes from './Erd.module.css';

interface ErdCanvasProps {
  graph: ErdGraph;
  /** The table the view is centred on, outlined. */
  focus: string | null;
  /** Name of the exported file, without extension. */
  fileName: string;
  onOpenTable(schema: string, name: string): void;
}

const nodeTypes = { table: TableNode };

/** The diagram: laid out by elkjs (async, with a loader), drawn by React Flow, exported as PNG or SVG. */
export function ErdCanvas(props: ErdCanvasProps) {
  return (
    <ReactFlowProvider>
      <ErdFlow {...props} />
    </ReactFlowProvider>
  );
}

function ErdFlow({ graph, focus, fileName, onOpenTable }: ErdCanvasProps) {
  const scheme = useComputedColorScheme('light');
  const wrapper = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState(false);
  const signature = useMemo(() => `${graph.tables.map((t) => `${t.id}:${t.columns.length}`).join(',')}|${graph.edges.map((e) => e.id).join(',')}`, [graph]);
  const layout = useQuery({ queryKey: ['schema', 'erd-layout', signature], queryFn: () => layoutErd(graph), staleTime: Infinity, gcTime: 60_000 });

  const nodes = useMemo<TableNodeType[]>(
    () => (layout.data ?? []).map(({ table, x, y }) => ({ id: table.id, type: 'table', position: { x, y }, data: { table, focused: table.id === focus }, connectable: false })),
    [layout.data, focus],
  );
  const edges = useMemo<Edge[]>(
    () => graph.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, label: edge.label, type: 'smoothstep', markerEnd: { type: MarkerType.ArrowClosed }, labelStyle: { fontSize: 10 } })),
    [graph.edges],
  );

  const save = async (format: 'png' | 'svg') => {
    const viewport = wrapper.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) return;
    setExporting(true);
    try {
      await exportErd(viewport, nodes, format, fileName, scheme === 'dark' ? '#1a1b1e' : '#ffffff');
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  if (layout.isError) return <ErrorAlert error={layout.error} testId="erd-error" />;
  if (layout.isPending) {
    return (
      <Center className={classes.canvas} data-testid="erd-loading">
        <Loader size="sm" mr="sm" />
        <Text size="sm">Laying out {graph.tables.length} tables…</Text>
      </Center>
    );
  }
  return (
    <>
      <Group gap="xs" justify="flex-end">
        <Text size="xs" c="dimmed" mr="auto">{`${graph.tables.length} tables, ${graph.edges.length} foreign keys. Click a table to open it.`}</Text>
        <Button size="xs" variant="default" leftSection={<IconPhoto size={14} />} loading={exporting} onClick={() => void save('png')}>Export PNG</Button>
        <Button size="xs" variant="default" leftSection={<IconVectorBezier2 size={14} />} loading={exporting} onClick={() => void save('svg')}>Export SVG</Button>
      </Group>
      <div ref={wrapper} className={classes.canvas} data-testid="erd-canvas">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          colorMode={scheme}
          fitView
          minZoom={0.05}
          nodesConnectable={false}
          nodesDraggable={false}
          onNodeClick={(_, node) => {
            const { table } = (node as TableNodeType).data;
            onOpenTable(table.schema, table.name);
          }}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          {graph.tables.length > 12 && <MiniMap pannable zoomable />}
        </ReactFlow>
      </div>
    </>
  );
}
