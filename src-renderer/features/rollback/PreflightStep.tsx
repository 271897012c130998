import { Alert, Badge, Button, Center, Checkbox, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconLock, IconRefresh, IconUsers } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RollbackPreflight, SessionInfo } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';

function SessionsTable({ sessions, testId }: { sessions: SessionInfo[]; testId: string }) {
  return (
    <Table verticalSpacing={2} fz="sm" withTableBorder data-testid={testId}>
      <Table.Thead>
        <Table.Tr><Table.Th>pid</Table.Th><Table.Th>Application</Table.Th><Table.Th>User</Table.Th><Table.Th>Client</Table.Th><Table.Th>State</Table.Th><Table.Th>In transaction</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sessions.map((s) => (
          <Table.Tr key={s.pid}>
            <Table.Td>{s.pid}</Table.Td>
            <Table.Td>{s.applicationName || '—'}</Table.Td>
            <Table.Td>{s.user ?? '—'}</Table.Td>
            <Table.Td>{s.clientAddress ?? 'local socket'}</Table.Td>
            <Table.Td>{s.state ?? '—'}</Table.Td>
            <Table.Td>{s.transactionAgeSeconds === null ? '—' : `${s.transactionAgeSeconds} s`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface PreflightStepProps {
  preflight: UseQueryResult<RollbackPreflight>;
  appStopped: boolean;
  onAppStopped(value: boolean): void;
}

/** Step 2: who else is on the database, long transactions, the migration lock, and "stop the application first". */
export function PreflightStep({ preflight, appStopped, onAppStopped }: PreflightStepProps) {
  const data = preflight.data;
  return (
    <Stack gap="md" data-testid="wizard-preflight">
      <Group justify="space-between">
        <Text size="sm">Checked just now on the database; check again after stopping the application.</Text>
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} loading={preflight.isFetching} onClick={() => void preflight.refetch()}>Check again</Button>
      </Group>
      {preflight.isPending && <Center py="md"><Loader size="sm" /></Center>}
      {preflight.isError && <ErrorAlert error={preflight.error} />}
      {data && (
        <>
          <Alert color={data.sessions.length ? 'yellow' : 'teal'} icon={<IconUsers size={18} />} data-testid="preflight-sessions"
            title={data.sessions.length ? `${data.sessions.length} other session${data.sessions.length === 1 ? ' is' : 's are'} connected to ${data.database}` : 'No other session is connected'}>
            {data.sessions.length > 0 ? <SessionsTable sessions={data.sessions} testId="preflight-sessions-table" /> : <Text size="sm">Nothing else is reading or writing this database right now.</Text>}
          </Alert>
          {data.longTransactions.length > 0 && (
            <Alert color="red" title={`${data.longTransactions.length} transaction(s) open for more than a minute`} data-testid="preflight-long-transactions">
              <Text size="sm" mb="xs">They can hold locks the downs need: the downs then wait up to the lock timeout and the rollback stops, unchanged.</Text>
              <SessionsTable sessions={data.longTransactions} testId="preflight-long-table" />
            </Alert>
          )}
          <Alert color={data.migrationLockHolder ? 'red' : 'teal'} icon={<IconLock size={18} />} data-testid="preflight-lock"
            title={data.migrationLockHolder ? `The migration lock is held by pid ${data.migrationLockHolder.pid}` : 'The migration lock is free'}>
            {data.migrationLockHolder && (
              <Text size="sm">{data.migrationLockHolder.applicationName ?? 'unknown application'} from {data.migrationLockHolder.clientAddress ?? 'a local socket'}: the rollback cannot start until it is released.</Text>
            )}
          </Alert>
          <Stack gap={4}>
            {data.reminders.map((r) => <Text key={r} size="sm">{r}</Text>)}
          </Stack>
          <Checkbox checked={appStopped} onChange={(e) => onAppStopped(e.currentTarget.checked)} data-testid="preflight-app-stopped"
            label={<Group gap={6}><Text size="sm" fw={600}>I have stopped the application</Text><Badge size="xs" variant="light">Emergency rollback, step 1</Badge></Group>}
            description="The seed's procedure: stop the application to prevent further database operations, then back up, roll back, verify, restart." />
        </>
      )}
    </Stack>
  );
}
