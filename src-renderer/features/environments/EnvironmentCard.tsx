import { Badge, Button, Card, Group, List, Loader, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPlugConnectedX } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ConnectionSummary, MigrationStatus } from '../../../src-main/contract';
import { toStudioError } from '../../lib/studioError';
import { connectionAddress } from '../connections/ConnectionLabel';
import { summarize } from './environmentStatus';

const environmentColor = { development: 'gray', staging: 'yellow', production: 'red' } as const;
const shownNames = 3;

function Names({ names, testId }: { names: string[]; testId: string }) {
  if (names.length === 0) return null;
  return (
    <List size="xs" spacing={0} data-testid={testId}>
      {names.slice(0, shownNames).map((name) => (
        <List.Item key={name}><Text size="xs" ff="monospace" truncate="end" maw={300} title={name}>{name}</Text></List.Item>
      ))}
      {names.length > shownNames && <List.Item><Text size="xs" c="dimmed">and {names.length - shownNames} more</Text></List.Item>}
    </List>
  );
}

function Figure({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Stack gap={0} align="flex-start">
      <Text size="xl" fw={700} c={value > 0 ? color : undefined} data-testid={testId}>{value}</Text>
      <Text size="xs" c="dimmed">{label}</Text>
    </Stack>
  );
}

function StatusBody({ status }: { status: MigrationStatus }) {
  const summary = summarize(status);
  return (
    <Stack gap="xs">
      <Group gap="lg" wrap="wrap">
        <Figure label="applied" value={summary.applied} testId="env-applied" />
        <Figure label="pending" value={summary.pending.length} color="blue" testId="env-pending" />
        <Figure label="missing files" value={summary.missingFiles.length} color="red" testId="env-missing" />
        <Figure label="out of order" value={summary.outOfOrder.length} color="orange" testId="env-out-of-order" />
      </Group>
      <Text size="xs" c="dimmed">Last applied</Text>
      <Text size="sm" ff="monospace" truncate="end" title={summary.lastMigration ?? undefined} data-testid="env-last">{summary.lastMigration ?? 'nothing applied yet'}</Text>
      <Names names={summary.pendingInOrder} testId="env-pending-names" />
      {summary.missingFiles.length > 0 && <Text size="xs" c="red">Applied here, file missing from the project:</Text>}
      <Names names={summary.missingFiles} testId="env-missing-names" />
      {summary.outOfOrder.length > 0 && <Text size="xs" c="orange">Pending but older than the last applied (check-order refuses them):</Text>}
      <Names names={summary.outOfOrder} testId="env-out-of-order-names" />
    </Stack>
  );
}

export interface EnvironmentCardProps {
  connection: ConnectionSummary;
  status: UseQueryResult<MigrationStatus>;
  current: boolean;
  onMakeCurrent(): void;
  switching: boolean;
}

/** One database of the project: where it is, and which migration it is at (or why that is unknown). */
export function EnvironmentCard({ connection, status, current, onMakeCurrent, switching }: EnvironmentCardProps) {
  const error = status.isError ? toStudioError(status.error) : null;
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      data-testid="environment-card"
      data-connection-name={connection.name}
      data-state={status.isPending ? 'loading' : error ? 'unreachable' : 'reachable'}
      style={{ borderTop: `4px solid ${connection.color}`, outline: current ? '2px solid var(--mantine-primary-color-filled)' : undefined }}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={700} truncate="end">{connection.name}</Text>
            <Tooltip label={connectionAddress(connection)}>
              <Text size="xs" c="dimmed" ff="monospace" truncate="end">{connection.host}:{connection.port}/{connection.database}</Text>
            </Tooltip>
          </Stack>
          <Badge color={environmentColor[connection.environment]} variant={connection.environment === 'production' ? 'filled' : 'light'}>{connection.environment}</Badge>
        </Group>
        {status.isPending && <Group gap="xs"><Loader size="xs" /><Text size="sm" c="dimmed">Asking the database…</Text></Group>}
        {error && (
          <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="env-unreachable">
            <ThemeIcon color="red" variant="light" size="sm"><IconPlugConnectedX size={14} /></ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} c="red">Unreachable</Text>
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>{error.message}</Text>
              {error.hint && <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{error.hint}</Text>}
            </Stack>
          </Group>
        )}
        {status.data && (
          <>
            <Group gap={6}>
              <ThemeIcon color={status.data.isUpToDate ? 'teal' : 'blue'} variant="light" size="sm">
                {status.data.isUpToDate ? <IconCircleCheck size={14} /> : <IconAlertTriangle size={14} />}
              </ThemeIcon>
              <Text size="sm" data-testid="env-verdict">{status.data.isUpToDate ? 'Up to date' : `${status.data.pendingMigrations.length} to apply`}</Text>
            </Group>
            <StatusBody status={status.data} />
          </>
        )}
        {current ? (
          <Badge variant="outline" data-testid="env-current">Current connection</Badge>
        ) : (
          <Button size="xs" variant="light" onClick={onMakeCurrent} loading={switching}>Make current</Button>
        )}
      </Stack>
    </Card>
  );
}
