import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconClockHour4, IconFlask, IconPlayerPlay } from '@tabler/icons-react';
import { migrationCounts, type MigrationStatus } from '../../../src-main/contract';
import type { RunRequest } from './useRunFlow';

interface TimelineSummaryProps {
  status: MigrationStatus;
  busy: boolean;
  onRequest(request: RunRequest): void;
}

/** The seed's status at a glance: last migration, up to date or N pending, and the whole-timeline actions. */
export function TimelineSummary({ status, busy, onRequest }: TimelineSummaryProps) {
  const { total, applied, pending, missingFile: missing, outOfOrder, duplicateName } = migrationCounts(status);
  const runPending: RunRequest = { mode: 'run', selection: { direction: 'up' }, label: 'Run pending migrations' };
  return (
    <Paper withBorder p="md" radius="md" data-testid="timeline-summary">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="sm">
            {status.isUpToDate ? (
              <Badge color="teal" size="lg" leftSection={<IconCircleCheck size={14} />} data-testid="up-to-date">Up to date</Badge>
            ) : (
              <Badge color="blue" size="lg" leftSection={<IconClockHour4 size={14} />} data-testid="pending-count">{pending} pending</Badge>
            )}
            <Text size="sm" c="dimmed">
              {applied} applied of {total}
              {missing > 0 && ` · ${missing} missing file${missing === 1 ? '' : 's'}`}
              {outOfOrder > 0 && ` · ${outOfOrder} out of order`}
              {duplicateName > 0 && ` · ${duplicateName} duplicate name${duplicateName === 1 ? '' : 's'}`}
            </Text>
          </Group>
          <Text size="sm">
            Last migration:{' '}
            <Text span ff="monospace" fw={600} data-testid="last-migration">{status.lastMigration ?? 'none yet'}</Text>
          </Text>
        </Stack>
        <Group gap="xs">
          <Button leftSection={<IconPlayerPlay size={16} />} disabled={busy || pending === 0} onClick={() => onRequest(runPending)}>
            Run pending
          </Button>
          <Button variant="default" leftSection={<IconFlask size={16} />} disabled={busy || pending === 0}
            onClick={() => onRequest({ mode: 'rehearse', selection: { direction: 'up' }, label: 'Rehearse pending migrations' })}>
            Rehearse pending
          </Button>
          <Button variant="default" leftSection={<IconArrowBackUp size={16} />} disabled={busy || applied === 0}
            onClick={() => onRequest({ mode: 'run', selection: { direction: 'down', count: 1 }, label: 'Roll back the last migration' })}>
            Roll back last
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
