import { lazy, Suspense, useState } from 'react';
import { Button, Center, Code, Loader, Stack, Text } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import { useCurrentConnection, useMigrationStatus } from '../../lib/queries';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { useRunActions } from '../../app/run/RunFlowContext';
import { useRunProgress } from '../../app/run/RunProgressContext';
import { MigrationList } from './MigrationList';
import { TimelineColumns } from './TimelineColumns';
import { TimelineSummary } from './TimelineSummary';
import type { MigrationDiffRequest } from '../schema/MigrationDiffDrawer';

// Loaded on first use: the timeline's first paint does not carry the Schema section's code.
const MigrationDiffDrawer = lazy(() => import('../schema/MigrationDiffDrawer').then((m) => ({ default: m.MigrationDiffDrawer })));

/** The migration timeline of the current connection: summary and rows; runs go through the shell. */
export function TimelinePage() {
  const connections = useCurrentConnection();
  const status = useMigrationStatus(connections.currentId, connections.isSuccess);
  const { progress } = useRunProgress();
  const run = useRunActions();
  // Row actions give the same reason as the summary's buttons; "busy" needs none (the run is on screen).
  const disabledReason = run.blocker?.reason ?? null;
  const [diffRequest, setDiffRequest] = useState<MigrationDiffRequest | null>(null);

  return (
    <Stack gap={0} h="100%" style={{ minHeight: 0 }}>
      <Stack gap="sm" p="md" pb="sm">
        {(connections.isPending || status.isPending) && !connections.isError && (
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
        {status.data && <TimelineSummary status={status.data} busy={run.busy} blocker={run.blocker} onRequest={run.request} />}
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
          <MigrationList migrations={status.data.migrations} progress={progress} busy={run.busy} disabledReason={disabledReason} onRequest={run.request} onShowDiff={setDiffRequest} />
        </>
      )}
      {diffRequest && (
        <Suspense fallback={null}>
          <MigrationDiffDrawer connectionId={connections.currentId} request={diffRequest} onClose={() => setDiffRequest(null)} />
        </Suspense>
      )}
    </Stack>
  );
}
