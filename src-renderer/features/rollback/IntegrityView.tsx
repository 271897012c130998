import { Alert, Badge, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { IntegrityCheck } from '../../../src-main/contract';
import { SchemaChanges } from './StakeView';

function Problems({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  return (
    <div data-testid={testId} data-count={items.length}>
      <Text size="sm" fw={600}>{title}: {items.length === 0 ? <Text span c="teal" size="sm">none</Text> : items.length}</Text>
      {items.length > 0 && <List size="sm">{items.map((i) => <List.Item key={i} ff="monospace">{i}</List.Item>)}</List>}
    </div>
  );
}

/** Step 7: every remaining table's rows before and after, orphans, invalid constraints and indexes, schema vs expected. */
export function IntegrityView({ integrity }: { integrity: IntegrityCheck | null }) {
  if (!integrity) return <Text size="sm" c="dimmed" data-testid="wizard-integrity">The integrity check did not run: the rollback stopped before it.</Text>;
  return (
    <Stack gap="md" data-testid="wizard-integrity" data-ok={integrity.ok}>
      <Alert color={integrity.ok ? 'teal' : 'red'} icon={integrity.ok ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
        title={integrity.ok ? 'Integrity check passed' : 'The integrity check found problems'}>
        {integrity.problems.length > 0 ? <List size="sm">{integrity.problems.map((p) => <List.Item key={p}>{p}</List.Item>)}</List> : <Text size="sm">The remaining tables kept their rows, nothing points at a missing row, and the schema is what the rehearsal said it would be.</Text>}
      </Alert>
      <div>
        <Title order={4} size="h5" mb={4}>Row counts of the remaining tables</Title>
        <Table verticalSpacing={2} fz="sm" withTableBorder data-testid="integrity-row-counts">
          <Table.Thead><Table.Tr><Table.Th>Table</Table.Th><Table.Th ta="right">Before</Table.Th><Table.Th ta="right">After</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {integrity.rowCounts.map((r) => (
              <Table.Tr key={r.table}>
                <Table.Td ff="monospace">{r.table}</Table.Td>
                <Table.Td ta="right">{r.before}</Table.Td>
                <Table.Td ta="right">{r.after ?? 'missing'}</Table.Td>
                <Table.Td w={90}>{r.after === r.before ? <Badge size="xs" color="teal" variant="light">same</Badge> : <Badge size="xs" color="red">changed</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Problems title="Foreign-key orphans" items={integrity.foreignKeyOrphans.map((o) => `${o.constraint} on ${o.table} → ${o.references}: ${o.orphanRows} rows`)} testId="integrity-orphans" />
      <Problems title="Invalid constraints" items={integrity.invalidConstraints} testId="integrity-invalid-constraints" />
      <Problems title="Invalid indexes" items={integrity.invalidIndexes} testId="integrity-invalid-indexes" />
      <div>
        <Text size="sm" fw={600}>Schema compared with the expected state: {integrity.matchesExpected ? <Text span c="teal" size="sm">as expected</Text> : <Text span c="red" size="sm">differs</Text>}</Text>
        {!integrity.matchesExpected && <SchemaChanges summary={integrity.schemaDiff} testId="integrity-schema-diff" />}
      </div>
    </Stack>
  );
}
