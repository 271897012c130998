import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCircleCheck, IconClockHour4, IconFlask, IconLock, IconPlayerPlay } from '@tabler/icons-react';
import { migrationCounts, type MigrationStatus } from '../../../src-main/contract';
import type { RunBlocker } from '../../app/run/runBlocker';
import type { RunRequest } from '../../app/run/useRunFlow';
import { DisabledReason } from '../../lib/DisabledReason';
import { rehearsePendingRequest, rollBackLastRequest, runPendingCheckOrderOffRequest, runPendingRequest } from './timelineActions';

interface TimelineSummaryProps {
  status: MigrationStatus;
  busy: boolean;
  /** Why no run can succeed now (lock held, check-order): buttons disabled, the reason said here. */
  blocker: RunBlocker | null;
  onRequest(request: RunRequest): void;
}

/** The blocker in words, with the one way past it the operator may choose: check-order off, this run only. */
function BlockedNotice({ blocker, canRunPending, busy, onRequest }: { blocker: RunBlocker; canRunPending: boolean; busy: boolean; onRequest(request: RunRequest): void }) {
  const lock = blocker.kind === 'lock';
  return (
    <Alert color={lock ? 'red' : 'yellow'} icon={lock ? <IconLock size={18} /> : <IconAlertTriangle size={18} />} data-testid="run-blocked" data-blocker={blocker.kind}
      title={lock ? 'Runs are blocked by another session' : 'Check-order would refuse the run'}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{blocker.reason}</Text>
        {!lock && canRunPending && (
          <Button size="xs" variant="default" disabled={busy} onClick={() => onRequest(runPendingCheckOrderOffRequest)}>
            Run pending with check-order off (this run only)…
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** The seed's status at a glance: last migration, up to date or N pending, and the whole-timeline actions. */
export function TimelineSummary({ status, busy, blocker, onRequest }: TimelineSummaryProps) {
  // One definition of the counts, shared with the CLI's status line.
  const { total, applied, pending, missingFile: missing, outOfOrder, duplicateName } = migrationCounts(status);
  const reason = blocker?.reason ?? null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="timeline-summary">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={4} style={{ minWidth: 0 }}>
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
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              Last migration:{' '}
              <Text span ff="monospace" fw={600} data-testid="last-migration">{status.lastMigration ?? 'none yet'}</Text>
            </Text>
          </Stack>
          <Group gap="xs">
            <DisabledReason reason={pending > 0 && !busy ? reason : null}>
              <Button leftSection={<IconPlayerPlay size={16} />} disabled={busy || pending === 0 || reason !== null} onClick={() => onRequest(runPendingRequest)}>
                Run pending
              </Button>
            </DisabledReason>
            <DisabledReason reason={pending > 0 && !busy ? reason : null}>
              <Button variant="default" leftSection={<IconFlask size={16} />} disabled={busy || pending === 0 || reason !== null} onClick={() => onRequest(rehearsePendingRequest)}>
                Rehearse pending
              </Button>
            </DisabledReason>
            <DisabledReason reason={applied > 0 && !busy ? reason : null}>
              <Button variant="default" leftSection={<IconArrowBackUp size={16} />} disabled={busy || applied === 0 || reason !== null}
                onClick={() => onRequest(rollBackLastRequest)}>
                Roll back last
              </Button>
            </DisabledReason>
          </Group>
        </Group>
        {blocker && <BlockedNotice blocker={blocker} canRunPending={pending > 0} busy={busy} onRequest={onRequest} />}
      </Stack>
    </Paper>
  );
}
