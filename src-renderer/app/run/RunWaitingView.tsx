import { useState } from 'react';
import { Alert, Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconLock } from '@tabler/icons-react';
import type { RunActivity, SessionActivity } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { studio } from '../../lib/studio';
import { toStudioError } from '../../lib/studioError';
import { lockModeLabel, sessionLabel } from './runActivityText';

type Signal = { session: SessionActivity; action: 'cancel' | 'terminate' };

function SessionRows({ sessions, onSignal }: { sessions: SessionActivity[]; onSignal?: (signal: Signal) => void }) {
  return (
    <Table fz="xs" withTableBorder striped verticalSpacing={2}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>pid</Table.Th>
          <Table.Th>Application</Table.Th>
          <Table.Th>User</Table.Th>
          <Table.Th>Client</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Transaction open</Table.Th>
          <Table.Th>Query</Table.Th>
          {onSignal && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sessions.map((s) => (
          <Table.Tr key={s.pid} data-testid={`session-${s.pid}`}>
            <Table.Td ff="monospace">{s.pid}</Table.Td>
            <Table.Td>{s.applicationName ?? '—'}</Table.Td>
            <Table.Td>{s.user ?? '—'}</Table.Td>
            <Table.Td>{s.clientAddress ?? 'local socket'}</Table.Td>
            <Table.Td>{s.state ?? '—'}</Table.Td>
            <Table.Td>{s.transactionSeconds === null ? '—' : `${Math.round(s.transactionSeconds)} s`}</Table.Td>
            <Table.Td ff="monospace" style={{ maxWidth: 320, overflowWrap: 'anywhere' }}>{s.query ?? ''}</Table.Td>
            {onSignal && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="default" onClick={() => onSignal({ session: s, action: 'cancel' })}>Cancel query</Button>
                  <Button size="compact-xs" color="red" variant="light" onClick={() => onSignal({ session: s, action: 'terminate' })}>Terminate session</Button>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Asks before signalling another session: names it, and says what each signal does to it. */
function SignalConfirmation({ runId, signal, onClose }: { runId: string | null; signal: Signal | null; onClose(): void }) {
  const mutation = useMutation({
    mutationFn: (s: Signal) => studio.migrations.signalBlocker({ ...(runId ? { runId } : {}), pid: s.session.pid, action: s.action }),
    meta: { inlineErrors: true },
    onSuccess: (result) => {
      notifications.show({ color: result.signalled ? 'teal' : 'gray', title: `pid ${result.pid}`, message: result.message });
      onClose();
    },
  });
  const terminate = signal?.action === 'terminate';
  return (
    <Modal opened={signal !== null} onClose={() => { mutation.reset(); onClose(); }} title={terminate ? 'Terminate the blocking session?' : 'Cancel the blocking query?'} centered size="lg">
      {signal && (
        <Stack gap="sm" data-testid="signal-confirmation">
          <Text size="sm">{sessionLabel(signal.session)}</Text>
          {signal.session.query && <Code block>{signal.session.query}</Code>}
          <Text size="sm">
            {terminate
              ? 'Its connection is closed and its open transaction rolled back: whatever that application was doing is lost, and it may show an error.'
              : 'Its running statement is cancelled (an idle transaction keeps its locks: terminate the session to release them).'}
          </Text>
          {mutation.error && <ErrorAlert error={toStudioError(mutation.error)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>Keep it</Button>
            <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate(signal)} data-testid="confirm-signal">
              {terminate ? `Terminate pid ${signal.session.pid}` : `Cancel query of pid ${signal.session.pid}`}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** What the running migration waits on, refreshed with each sample of the run (about every 1.5 s). */
export function RunWaitingView({ runId, activity }: { runId: string | null; activity: RunActivity }) {
  const [signal, setSignal] = useState<Signal | null>(null);
  const { waitingFor, blockers, queued } = activity;
  if (!waitingFor && blockers.length === 0 && queued.length === 0) return null;
  return (
    <Stack gap="xs" px="md" pb="xs" data-testid="run-waiting">
      {waitingFor && (
        <Alert color="orange" variant="light" icon={<IconLock size={18} />} p="xs" title={`Waiting for ${lockModeLabel(waitingFor.mode)} lock on ${waitingFor.relation ?? `a ${waitingFor.lockType}`}`}>
          <Text size="xs">
            {activity.migration ?? 'The run'} cannot go on until {blockers.length === 1 ? 'this session ends its transaction' : `these ${blockers.length} sessions end their transactions`}.
            Wait, cancel the run, or end a blocking session.
          </Text>
        </Alert>
      )}
      {blockers.length > 0 && (
        <div data-testid="run-blockers">
          <Text size="xs" fw={600} mb={2}>Blocking the migration</Text>
          <SessionRows sessions={blockers} onSignal={setSignal} />
        </div>
      )}
      {queued.length > 0 && (
        <div data-testid="run-queued">
          <Text size="xs" fw={600} mb={2}>Queued behind the migration ({queued.length})</Text>
          <SessionRows sessions={queued} />
        </div>
      )}
      <SignalConfirmation runId={runId} signal={signal} onClose={() => setSignal(null)} />
    </Stack>
  );
}
