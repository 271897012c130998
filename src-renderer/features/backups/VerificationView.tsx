import { Alert, Badge, Code, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconAlertTriangle } from '@tabler/icons-react';
import type { BackupVerification, TableRowCheck } from '../../../src-main/contract';
import { formatBytes } from '../../lib/formatBytes';

export function RowChecks({ tables, testId }: { tables: TableRowCheck[]; testId: string }) {
  return (
    <Table verticalSpacing={2} fz="sm" data-testid={testId} withTableBorder>
      <Table.Thead>
        <Table.Tr><Table.Th>Table</Table.Th><Table.Th ta="right">Rows in backup</Table.Th><Table.Th ta="right">Rows found</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tables.map((t) => (
          <Table.Tr key={t.table} c={t.actualRows === t.expectedRows ? undefined : 'red'}>
            <Table.Td ff="monospace">{t.table}</Table.Td>
            <Table.Td ta="right">{t.expectedRows}</Table.Td>
            <Table.Td ta="right">{t.actualRows ?? 'missing'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** pg_restore --list read it, every table is there, the hash still matches; and the test restore when one ran. */
export function VerificationView({ verification, tables }: { verification: BackupVerification; tables?: string[] }) {
  return (
    <Stack gap="sm" data-testid="verification" data-ok={verification.ok}>
      <Alert color={verification.ok ? 'teal' : 'red'} icon={verification.ok ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
        title={verification.ok ? 'The backup is verified' : 'The backup did not pass verification'}>
        <Stack gap={4}>
          <Text size="sm">
            pg_restore --list {verification.listReadable ? 'read the backup' : 'could not read the backup'}: {verification.listedTables} tables listed
            {verification.missingTables.length === 0 ? ', every table the database had.' : `, missing ${verification.missingTables.join(', ')}.`}
          </Text>
          <Group gap="xs">
            <Text size="sm">Size {formatBytes(verification.sizeBytes)} · SHA-256</Text>
            <Code data-testid="verification-sha256">{verification.sha256}</Code>
            <Badge size="sm" color={verification.sha256Matches ? 'teal' : 'red'} variant="light">{verification.sha256Matches ? 'matches the recorded hash' : 'differs from the recorded hash'}</Badge>
          </Group>
          {verification.problems.length > 0 && <List size="sm">{verification.problems.map((p) => <List.Item key={p}>{p}</List.Item>)}</List>}
        </Stack>
      </Alert>
      {tables && tables.length > 0 && (
        <Text size="sm" data-testid="verification-tables">
          Tables in the backup: <Text span ff="monospace" size="sm">{tables.join(', ')}</Text>
        </Text>
      )}
      {verification.testRestore && (
        <Stack gap={4} data-testid="test-restore">
          <Text size="sm" fw={600}>
            Test restore into {verification.testRestore.database} ({(verification.testRestore.durationMs / 1000).toFixed(1)} s, then dropped): {verification.testRestore.message}
          </Text>
          <RowChecks tables={verification.testRestore.tables} testId="test-restore-rows" />
        </Stack>
      )}
    </Stack>
  );
}
