import { lazy, Suspense, useMemo } from 'react';
import { ActionIcon, Button, Center, Group, Loader, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { IconDatabaseOff, IconRefresh } from '@tabler/icons-react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { SchemaCatalog } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { useCurrentConnection } from '../../lib/queries';
import { catalogErd, catalogTree, relationCount } from './catalogModel';
import { SchemaEmptyState } from './SchemaEmptyState';
import { SchemaTree } from './SchemaTree';
import { useSchemaCatalog } from './schemaQueries';
import { schemaDiagramPath, schemaTablePath, tableFromSplat } from './schemaRoutes';
import { TableView } from './TableView';
import { useAgeText } from './useAgeText';
import classes from './SchemaPage.module.css';

// elkjs and React Flow are most of the section's weight: loaded when the diagram is first shown.
const ErdPanel = lazy(() => import('./ErdPanel').then((m) => ({ default: m.ErdPanel })));

/** The Schema section: the tree on the left; a table's `\d+`, or the diagram, on the right. */
export function SchemaPage() {
  const connections = useCurrentConnection();
  const catalog = useSchemaCatalog(connections.currentId, connections.isSuccess);

  if (connections.isError) {
    return (
      <Stack p="md">
        <ErrorAlert error={connections.error} icon={<IconDatabaseOff size={20} />} testId="schema-no-connection">
          <Text size="sm">Choose a connection (Connections in the rail) to browse its schema.</Text>
        </ErrorAlert>
      </Stack>
    );
  }
  if (catalog.isError) {
    return (
      <Stack p="md">
        <ErrorAlert error={catalog.error} icon={<IconDatabaseOff size={20} />} testId="schema-error">
          <Button size="xs" variant="light" color="red" onClick={() => void catalog.refetch()} loading={catalog.isFetching}>Try again</Button>
        </ErrorAlert>
      </Stack>
    );
  }
  if (!catalog.data) {
    return (
      <Center h="100%" data-testid="schema-loading">
        <Loader size="sm" mr="sm" />
        <Text size="sm">Reading the catalog…</Text>
      </Center>
    );
  }
  return <SchemaWorkbench catalog={catalog.data} refreshing={catalog.isFetching} onRefresh={() => void catalog.refetch()} />;
}

function SchemaWorkbench({ catalog, refreshing, onRefresh }: { catalog: SchemaCatalog; refreshing: boolean; onRefresh(): void }) {
  const navigate = useNavigate();
  const table = tableFromSplat(useParams()['*']);
  const [search] = useSearchParams();
  const view = search.get('view') === 'erd' ? 'erd' : 'table';
  const tree = useMemo(() => catalogTree(catalog), [catalog]);
  const graph = useMemo(() => catalogErd(catalog), [catalog]);
  const age = useAgeText(catalog.loadedAt);
  const empty = relationCount(catalog) === 0;

  // From the tree, the view stays: in the diagram, a picked table becomes its centre.
  const openTable = (schema: string, name: string) => void navigate(schemaTablePath(schema, name, view));
  const setView = (next: string) => void navigate(table ? schemaTablePath(table.schema, table.name, next === 'erd' ? 'erd' : 'table') : next === 'erd' ? schemaDiagramPath(search.get('schema')) : '/schema');

  return (
    <div className={classes.page} data-testid="schema-page">
      <Group className={classes.toolbar} gap="sm" wrap="nowrap">
        <Text fw={600} size="sm" truncate="end">{catalog.database}</Text>
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>PostgreSQL {catalog.serverVersion}</Text>
        <Tooltip label={`${catalog.queryCount} catalog queries, ${Math.round(catalog.durationMs)} ms`}>
          <Text size="xs" c="dimmed" data-testid="schema-age" style={{ flexShrink: 0 }}>{age}</Text>
        </Tooltip>
        <Tooltip label="Read the catalog again">
          <ActionIcon variant="subtle" aria-label="Refresh the schema" onClick={onRefresh} loading={refreshing}><IconRefresh size={16} /></ActionIcon>
        </Tooltip>
        <SegmentedControl size="xs" ml="auto" value={view} onChange={setView} data={[{ value: 'table', label: 'Table' }, { value: 'erd', label: 'Diagram' }]} aria-label="Show" />
      </Group>
      <div className={classes.body}>
        <aside className={classes.sidebar} aria-label="Schema browser">
          <SchemaTree schemas={tree} selected={table} onOpen={(object) => openTable(object.schema, object.name)} />
        </aside>
        <section className={classes.content} aria-label="Schema object">
          {empty && <SchemaEmptyState database={catalog.database} />}
          {!empty && view === 'erd' && (
            <Suspense fallback={<Center h="100%"><Loader size="sm" aria-label="Loading the diagram" /></Center>}>
              <ErdPanel graph={graph} schemas={catalog.schemas.map((s) => s.name)} table={table} onOpenTable={(schema, name) => void navigate(schemaTablePath(schema, name))} />
            </Suspense>
          )}
          {!empty && view === 'table' && table && <TableView table={table} />}
          {!empty && view === 'table' && !table && (
            <Center h="100%">
              <Text c="dimmed" size="sm" data-testid="schema-pick-table">{`${plural(relationCount(catalog), 'relation')} in ${plural(catalog.schemas.length, 'schema')}. Pick a table on the left, or open the diagram.`}</Text>
            </Center>
          )}
        </section>
      </div>
    </div>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
