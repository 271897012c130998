import { useState } from 'react';
import { Button, Center, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconDatabaseExport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useSearchParams } from 'react-router';
import type { BackupRecord } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { connectionTarget, useCurrentConnection } from '../../lib/queries';
import { studio } from '../../lib/studio';
import { RollbackWizard } from '../rollback/RollbackWizard';
import { BackupDetailsDrawer } from './BackupDetailsDrawer';
import { backupKeys, useBackups } from './backupQueries';
import { BackupsTable } from './BackupsTable';
import { RestoreDialog } from './RestoreDialog';
import { TransferProgressCard } from './TransferProgressCard';
import { useTransferProgress } from './useTransferProgress';
import { PageHeader } from '../../lib/PageHeader';

/** `#/backups?rollback=NAME` opens the guided rollback to NAME ("" lets the operator choose). */
export const rollbackParam = 'rollback';

/**
 * Every backup of the app's backups folder, "Back up now" with live progress, and the guided
 * rollback, which lives here so a backup is never more than one step away.
 */
export function BackupsPage() {
  const [params, setParams] = useSearchParams();
  const rollbackTo = params.get(rollbackParam);
  if (rollbackTo !== null) return <RollbackWizard initialTarget={rollbackTo || null} onClose={() => setParams({})} />;
  return <BackupsOverview onGuidedRollback={() => setParams({ [rollbackParam]: '' })} />;
}

function BackupsOverview({ onGuidedRollback }: { onGuidedRollback(): void }) {
  const queryClient = useQueryClient();
  const connections = useCurrentConnection();
  const backups = useBackups();
  const { progress } = useTransferProgress();
  const [restoring, setRestoring] = useState<BackupRecord | null>(null);
  const [details, setDetails] = useState<BackupRecord | null>(null);

  const create = useMutation({
    mutationFn: () => studio.backups.create(connectionTarget(connections.currentId)),
    onSuccess: (record) => {
      const ok = record.status === 'complete';
      notifications.show({ color: ok ? 'teal' : 'red', title: ok ? 'Backup complete' : `Backup ${record.status}`, message: record.message ?? record.path });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: backupKeys.all }),
  });
  const cancel = useMutation({ mutationFn: (id: string) => studio.backups.cancel({ id }) });
  const verify = useMutation({
    mutationFn: (backup: BackupRecord) => studio.backups.verify({ id: backup.id, testRestore: true }),
    onSuccess: (result) => notifications.show({ color: result.ok ? 'teal' : 'red', title: result.ok ? 'Backup verified' : 'Verification failed', message: result.ok ? `SHA-256 ${result.sha256.slice(0, 16)}…, ${result.listedTables} tables` : result.problems.join(' ') }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: backupKeys.all }),
  });

  const list = backups.data?.backups ?? [];
  const showProgress = progress && (progress.kind === 'backup' || restoring === null);
  return (
    <ScrollArea h="100%" data-testid="backups-page">
      <Stack p="md" gap="md">
        <PageHeader
          title="Backups"
          description={<>pg_dump backups of your databases{backups.data ? <>, kept in <Text span ff="monospace" size="sm">{backups.data.folder}</Text></> : ''}. Only a complete one can be restored.</>}
          actions={
            <Group gap="xs">
              <Button leftSection={<IconDatabaseExport size={16} />} loading={create.isPending} onClick={() => create.mutate()}>Back up now</Button>
              <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} />} onClick={onGuidedRollback}>Guided rollback…</Button>
            </Group>
          }
        />
        {showProgress && <TransferProgressCard progress={progress} cancelling={cancel.isPending} onCancel={() => cancel.mutate(progress.backupId)} />}
        {backups.isPending && <Center py="xl"><Loader size="sm" /></Center>}
        {backups.isError && <ErrorAlert error={backups.error} />}
        {backups.isSuccess && list.length === 0 && <Text c="dimmed" data-testid="backups-empty">No backup yet. "Back up now" makes one of the current database.</Text>}
        {list.length > 0 && (
          <BackupsTable backups={list} verifyingId={verify.isPending ? (verify.variables?.id ?? null) : null} onVerify={(b) => verify.mutate(b)} onRestore={setRestoring} onReport={setDetails} />
        )}
      </Stack>
      <RestoreDialog backup={restoring} progress={progress} onClose={() => setRestoring(null)} />
      <BackupDetailsDrawer backup={details} onClose={() => setDetails(null)} />
    </ScrollArea>
  );
}
