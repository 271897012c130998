import { useState } from 'react';
import { Button, Center, Code, Loader, Stack, Text } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import type { ConnectionSummary } from '../../../src-main/contract';
import { useMigrationStatus } from '../../lib/queries';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ConfirmRunModal } from './ConfirmRunModal';
import { LogPanel } from './LogPanel';
import { MigrationList } from './MigrationList';
import { RehearsalDrawer } from './RehearsalDrawer';
import { useRunProgress } from './RunProgressContext';
import { TimelineColumns } from './TimelineColumns';
import { TimelineSummary } from './TimelineSummary';
import { useRunFlow } from './useRunFlow';

interface TimelinePageProps {
  connectionId: string | null;
  connection: ConnectionSummary | null;
  /** False until the connection list says which connection is current. */
  ready: boolean;
}

/** The migration timeline of the current connection: summary, rows, confirmation, live progress, log. */
export function TimelinePage({ connectionId, connection, ready }: TimelinePageProps) {
  const status = useMigrationStatus(connectionId, ready);
  const { progress } = useRunProgress();
  const flow = useRunFlow(connectionId);
  const [logOpen, setLogOpen] = useState(false);

  const onConfirm = (databaseName?: string) => {
    setLogOpen(true);
    flow.confirm(databaseName);
  };
  const busy = flow.busy || progress.active;

  return (
    <Stack gap={0} h="100%" style={{ minHeight: 0 }}>
      <Stack gap="sm" p="md" pb="sm">
        {status.isPending && (
          <Center py="xl" data-testid="status-loading">
            <Loader size="sm" mr="sm" />
            <Text size="sm">Reading the migrations table and folder…</Text>
          </Center>
        )}
        {status.isError && (
          <ErrorAlert error={status.error} icon={<IconDatabaseOff size={20} />} testId="status-error">
            <Button size="xs" variant="light" color="red" onClick={() => void status.refetch()}>Try again</Button>
          </ErrorAlert>
        )}
        {status.data && <TimelineSummary status={status.data} busy={busy} onRequest={flow.request} />}
      </Stack>
      {status.data && status.data.migrations.length === 0 && (
        <Center py="xl" data-testid="timeline-empty">
          <Text c="dimmed">
            No migrations in this folder yet. Create one with <Code>pgm-studio create NAME</Code>.
          </Text>
        </Center>
      )}
      {status.data && status.data.migrations.length > 0 && (
        <>
          <TimelineColumns />
          <MigrationList migrations={status.data.migrations} progress={progress} busy={busy} onRequest={flow.request} />
        </>
      )}
      <LogPanel progress={progress} opened={logOpen} onToggle={() => setLogOpen((o) => !o)} />
      <ConfirmRunModal confirmation={flow.confirmation} connection={connection} onConfirm={onConfirm} onCancel={flow.cancel} />
      <RehearsalDrawer view={flow.rehearsal} loading={flow.rehearsing} onClose={flow.closeRehearsal} />
    </Stack>
  );
}
