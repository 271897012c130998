import { Accordion, Alert, Badge, Code, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { DownStake, MigrationStake, TableAtStake } from '../../../src-main/contract';

const actionColor = { dropped: 'red', truncated: 'red', altered: 'orange' } as const;

function rowsLabel(table: TableAtStake): string {
  return table.rowEstimate === null ? 'rows unknown' : `~${table.rowEstimate.toLocaleString()} row${table.rowEstimate === 1 ? '' : 's'}`;
}

/** The tables a down drops or alters, with how many rows they hold now (the catalog's estimate). */
export function TablesAtStake({ tables, testId = 'stake-tables' }: { tables: TableAtStake[]; testId?: string }) {
  if (tables.length === 0) return <Text size="sm" c="dimmed">No table is dropped or altered.</Text>;
  return (
    <Table verticalSpacing={2} fz="sm" withTableBorder data-testid={testId}>
      <Table.Tbody>
        {tables.map((t) => (
          <Table.Tr key={`${t.action}:${t.schema}.${t.name}`} data-testid="stake-table" data-table={`${t.schema}.${t.name}`}>
            <Table.Td w={120}><Badge size="sm" color={actionColor[t.action]} variant="light" style={{ overflow: 'visible' }}>{t.action}</Badge></Table.Td>
            <Table.Td ff="monospace">{t.schema}.{t.name}</Table.Td>
            <Table.Td ta="right" fw={t.rowEstimate ? 700 : undefined} w={130}>{rowsLabel(t)}</Table.Td>
            <Table.Td c="dimmed">{t.changes.join('; ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function MigrationStakeItem({ stake }: { stake: MigrationStake }) {
  return (
    <Accordion.Item value={stake.name} data-testid="stake-migration" data-name={stake.name} data-usable={stake.usableDown}>
      <Accordion.Control>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" ff="monospace" fw={600} truncate="end">{stake.name}</Text>
          {!stake.usableDown && <Badge color="red" size="sm" data-testid="unusable-down">no usable down</Badge>}
          {stake.tables.length > 0 && <Badge color="gray" variant="light" size="sm">{stake.tables.length} table{stake.tables.length === 1 ? '' : 's'}</Badge>}
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="xs">
          {stake.problem && <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} py="xs">{stake.problem}</Alert>}
          <TablesAtStake tables={stake.tables} testId="stake-migration-tables" />
          <Text size="xs" fw={600}>Down SQL</Text>
          <Code block data-testid="down-sql" style={{ whiteSpace: 'pre-wrap' }}>
            {stake.downSql.length > 0 ? stake.downSql.map((s) => s.trim().replace(/;?$/, ';')).join('\n\n') : '-- no statements'}
          </Code>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** Each migration to revert, in order, its down SQL folded under it; then everything the plan puts at stake. */
export function StakeView({ stake, expandAll = false }: { stake: DownStake; expandAll?: boolean }) {
  const unusable = stake.migrations.filter((m) => !m.usableDown);
  return (
    <Stack gap="sm" data-testid="stake">
      {unusable.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="A migration has no usable down" data-testid="stake-blocked">
          {unusable.map((m) => m.name).join(', ')}: reverting {unusable.length === 1 ? 'it' : 'them'} would fail, so nothing can be rolled back past {unusable.length === 1 ? 'it' : 'them'}.
          Write a down step (or roll back to a later migration).
        </Alert>
      )}
      <Accordion multiple variant="contained" defaultValue={expandAll ? stake.migrations.map((m) => m.name) : []} chevronPosition="left">
        {stake.migrations.map((m) => <MigrationStakeItem key={m.name} stake={m} />)}
      </Accordion>
      <div>
        <Group gap="xs" mb={4}>
          <Text size="sm" fw={600}>What is at stake</Text>
          {stake.rowsAtStake > 0 && <Badge color="red" variant="filled" data-testid="rows-at-stake">~{stake.rowsAtStake.toLocaleString()} rows in dropped tables</Badge>}
        </Group>
        <TablesAtStake tables={stake.tables} />
      </div>
      {!stake.rehearsal.success && (
        <Text size="sm" c="red">The downs' rehearsal failed: {stake.rehearsal.message}</Text>
      )}
    </Stack>
  );
}

/** A schema change summary in three short lists; "no change" when all are empty. */
export function SchemaChanges({ summary, testId }: { summary: { added: string[]; removed: string[]; altered: string[] }; testId: string }) {
  const groups = [['Removed', summary.removed], ['Altered', summary.altered], ['Added', summary.added]] as const;
  if (groups.every(([, items]) => items.length === 0)) return <Text size="sm" c="dimmed" data-testid={testId}>No schema change.</Text>;
  return (
    <Stack gap={4} data-testid={testId}>
      {groups.map(([title, items]) => items.length > 0 && (
        <div key={title}>
          <Text size="sm" fw={600}>{title} ({items.length})</Text>
          <List size="sm" spacing={0}>{items.map((item) => <List.Item key={item} ff="monospace">{item}</List.Item>)}</List>
        </div>
      ))}
    </Stack>
  );
}
