import { Badge, Button, Center, Code, Group, Loader, ScrollArea, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCopy, IconRefresh } from '@tabler/icons-react';
import type { TableDetail } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { useCurrentConnection } from '../../lib/queries';
import { copyWithNotice } from './copyText';
import { prettySize, rowEstimateText } from './formatCatalog';
import { useTableDetail } from './schemaQueries';
import { qualifiedName } from './SchemaTree';
import { ColumnsTab, ConstraintsTab, ForeignKeysTab, IndexesTab, PartitionsTab, PoliciesTab, PublicationsTab, TriggersTab } from './tableTabs';

/** One table as psql's `\d+` shows it, in tabs, plus its DDL. */
export function TableView({ table }: { table: { schema: string; name: string } }) {
  const connections = useCurrentConnection();
  const detail = useTableDetail(connections.currentId, table);
  if (detail.isError) {
    return (
      <Stack p="md">
        <ErrorAlert error={detail.error} testId="table-error">
          <Button size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={() => void detail.refetch()}>Try again</Button>
        </ErrorAlert>
      </Stack>
    );
  }
  if (!detail.data) {
    return (
      <Center h="100%" data-testid="table-loading">
        <Loader size="sm" mr="sm" />
        <Text size="sm">{`Reading ${table.schema}.${table.name}…`}</Text>
      </Center>
    );
  }
  return <TableDetailView detail={detail.data} />;
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>{value}</Text>
    </div>
  );
}

function count(n: number) {
  return n > 0 ? <Badge size="xs" variant="light" ml={4} circle={n < 10}>{n}</Badge> : null;
}

function TableDetailView({ detail }: { detail: TableDetail }) {
  const name = qualifiedName(detail.schema, detail.name);
  const partitioning = detail.partitions.length + detail.inherits.length + detail.inheritedBy.length + (detail.partitionOf ? 1 : 0);
  return (
    <Stack gap="sm" p="md" data-testid="table-view" data-table={`${detail.schema}.${detail.name}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={2} size="h3" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="table-title">{name}</Title>
            <Badge variant="light">{detail.kind}</Badge>
            {detail.persistence !== 'permanent' && <Badge variant="light" color="orange">{detail.persistence}</Badge>}
          </Group>
          {detail.description && <Text size="sm" mt={4} data-testid="table-description">{detail.description}</Text>}
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={() => void copyWithNotice(name, 'the name')}>Copy name</Button>
          <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={() => void copyWithNotice(detail.ddl, 'the DDL')}>Copy DDL</Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm" data-testid="table-facts">
        <Fact label="Row estimate" value={rowEstimateText(detail.rowEstimate)} />
        <Fact label="Table" value={prettySize(detail.sizes.tableBytes)} />
        <Fact label="TOAST" value={prettySize(detail.sizes.toastBytes)} />
        <Fact label="Indexes" value={prettySize(detail.sizes.indexBytes)} />
        <Fact label="Total" value={prettySize(detail.sizes.totalBytes)} />
        <Fact label="Access method" value={detail.accessMethod ?? '—'} />
        <Fact label="Options" value={detail.options.length ? detail.options.join(', ') : '—'} />
        <Fact label="Replica identity" value={detail.replicaIdentity} />
        <Fact label="Row security" value={detail.rowSecurity.enabled ? (detail.rowSecurity.forced ? 'enabled, forced' : 'enabled') : 'disabled'} />
      </SimpleGrid>
      {detail.viewDefinition && (
        <div>
          <Text size="xs" c="dimmed">View definition</Text>
          <Code block>{detail.viewDefinition}</Code>
        </div>
      )}
      <Tabs defaultValue="columns" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="columns">Columns{count(detail.columns.length)}</Tabs.Tab>
          <Tabs.Tab value="indexes">Indexes{count(detail.indexes.length)}</Tabs.Tab>
          <Tabs.Tab value="constraints">Constraints{count(detail.constraints.length)}</Tabs.Tab>
          <Tabs.Tab value="foreign-keys">Foreign keys{count(detail.foreignKeys.length + detail.referencedBy.length)}</Tabs.Tab>
          <Tabs.Tab value="triggers">Triggers{count(detail.triggers.length)}</Tabs.Tab>
          <Tabs.Tab value="policies">Policies{count(detail.policies.length)}</Tabs.Tab>
          <Tabs.Tab value="partitions">Partitions & inheritance{count(partitioning)}</Tabs.Tab>
          <Tabs.Tab value="publications">Publications{count(detail.publications.length)}</Tabs.Tab>
          <Tabs.Tab value="ddl">DDL</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="columns" pt="sm"><ColumnsTab detail={detail} /></Tabs.Panel>
        <Tabs.Panel value="indexes" pt="sm"><IndexesTab detail={detail} /></Tabs.Panel>
        <Tabs.Panel value="constraints" pt="sm"><ConstraintsTab detail={detail} /></Tabs.Panel>
        <Tabs.Panel value="foreign-keys" pt="sm"><ForeignKeysTab detail={detail} /></Tabs.Panel>
        <Tabs.Panel value="triggers" pt="sm"><TriggersTab detail={detail} /></Tabs.Panel>
        <Tabs.Panel value="policies" pt="sm"><PoliciesTab detail={detail} /></Tabs.Panel>
        <Tabs.Panel value="partitions" pt="sm"><PartitionsTab detail={detail} /></Tabs.Panel>
        <Tabs.Panel value="publications" pt="sm"><PublicationsTab detail={detail} /></Tabs.Panel>
        <Tabs.Panel value="ddl" pt="sm">
          <Stack gap="xs">
            <Group justify="flex-end"><Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={() => void copyWithNotice(detail.ddl, 'the DDL')}>Copy DDL</Button></Group>
            <ScrollArea.Autosize mah="60vh">
              <Code block data-testid="table-ddl" style={{ whiteSpace: 'pre' }}>{detail.ddl}</Code>
            </ScrollArea.Autosize>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
