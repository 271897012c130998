import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlugConnected, IconTrash } from '@tabler/icons-react';
import { adHocConnectionId, type ConnectionSummary } from '../../../src-main/contract';
import { ConnectionLabel, connectionAddress } from './ConnectionLabel';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { TestResultView } from './TestResultView';
import { useConnectionMutations } from './useConnectionMutations';

const passwordWhere: Record<ConnectionSummary['passwordSource'], string> = {
  keychain: 'password in the OS keychain',
  session: 'password for this session only',
  none: 'no password stored',
  sandbox: 'built-in sandbox',
};

interface ConnectionCardProps {
  connection: ConnectionSummary;
  current: boolean;
  onEdit(): void;
  onDelete(): void;
}

export function ConnectionCard({ connection, current, onEdit, onDelete }: ConnectionCardProps) {
  const { select, test } = useConnectionMutations();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="connection-card" data-connection-id={connection.id}
      style={current ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <ConnectionLabel connection={connection} withEnvironment />
          {current ? <Text size="xs" fw={600} c="indigo">In use</Text> : (
            <Button size="compact-xs" variant="light" loading={select.isPending} onClick={() => select.mutate(connection.id)} aria-label={`Use ${connection.name}`}>Use</Button>
          )}
        </Group>
        <Text size="xs" ff="monospace" c="dimmed">{connectionAddress(connection)} · {passwordWhere[connection.passwordSource]}</Text>
        <Group gap="xs">
          <Button size="compact-xs" variant="default" leftSection={<IconPlugConnected size={12} />} loading={test.isPending}
            onClick={() => test.mutate({ id: connection.id })} aria-label={`Test ${connection.name}`}>Test</Button>
          {!connection.isSandbox && connection.id !== adHocConnectionId && (
            <>
              <Button size="compact-xs" variant="default" leftSection={<IconPencil size={12} />} onClick={onEdit} aria-label={`Edit ${connection.name}`}>Edit</Button>
              <Button size="compact-xs" variant="default" color="red" leftSection={<IconTrash size={12} />} onClick={onDelete} aria-label={`Delete ${connection.name}`}>Delete</Button>
            </>
          )}
        </Group>
        {test.data && <TestResultView result={test.data} />}
        {test.error && <ErrorAlert error={test.error} />}
      </Stack>
    </Paper>
  );
}
