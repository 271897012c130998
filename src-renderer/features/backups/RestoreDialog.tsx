import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertOctagon, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newDatabaseNameSchema, type BackupRecord, type RestoreResult } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { connectionTarget, queryKeys, useCurrentConnection } from '../../lib/queries';
import { absoluteTime } from '../../lib/relativeTime';
import { studio } from '../../lib/studio';
import { backupKeys } from './backupQueries';
import { TransferProgressCard } from './TransferProgressCard';
import type { TransferProgress } from './backupProgress';
import { RowChecks } from './VerificationView';

function RestoreOutcome({ result }: { result: RestoreResult }) {
  return (
    <Stack gap="xs" data-testid="restore-result" data-ok={result.check.ok}>
      <Alert color={result.check.ok ? 'teal' : 'red'} icon={<IconCircleCheck size={18} />} title={result.check.ok ? `Restored into ${result.database}` : 'The restore finished, but the check found differences'}>
        <Text size="sm">{result.check.message} ({(result.durationMs / 1000).toFixed(1)} s). {result.appliedMigrations.length} migrations recorded as applied.</Text>
      </Alert>
      <RowChecks tables={result.check.tables} testId="restore-rows" />
    </Stack>
  );
}

interface RestoreDialogProps {
  backup: BackupRecord | null;
  progress: TransferProgress | null;
  onClose(): void;
}

/** Restore into the same database (after typing its name: everything in it is replaced) or into a new one. */
export function RestoreDialog({ backup, progress, onClose }: RestoreDialogProps) {
  return (
    <Modal opened={backup !== null} onClose={onClose} title="Restore a backup" size="lg" centered>
      {backup && <RestoreBody key={backup.id} backup={backup} progress={progress} onClose={onClose} />}
    </Modal>
  );
}

function RestoreBody({ backup, progress, onClose }: { backup: BackupRecord; progress: TransferProgress | null; onClose(): void }) {
  const queryClient = useQueryClient();
  const connections = useCurrentConnection();
  const [into, setInto] = useState<'same' | 'new'>('same');
  const [typed, setTyped] = useState('');
  const [newDatabase, setNewDatabase] = useState(`${backup.databaseName}_restored`.slice(0, 63));
  const restore = useMutation({
    mutationFn: () =>
      studio.backups.restore({
        ...connectionTarget(connections.currentId),
        id: backup.id,
        ...(into === 'same' ? { into: 'same' as const, confirm: typed } : { into: { newDatabase } }),
      }),
    meta: { inlineErrors: true },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.migrations });
      void queryClient.invalidateQueries({ queryKey: backupKeys.all });
    },
  });
  const newNameError = into === 'new' && !newDatabaseNameSchema.safeParse(newDatabase).success ? 'Letters, digits, "_" and "$", at most 63, not starting with a digit.' : null;
  const ready = into === 'same' ? typed === backup.databaseName : newNameError === null;
  const live = progress && progress.kind === 'restore' && progress.backupId === backup.id ? progress : null;

  if (restore.data) {
    return (
      <Stack>
        <RestoreOutcome result={restore.data} />
        <Group justify="flex-end"><Button onClick={onClose}>Close</Button></Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm">
        Backup of <Text span ff="monospace">{backup.database}</Text> taken {absoluteTime(backup.createdAt)}, at migration{' '}
        <Text span ff="monospace">{backup.lastMigration ?? 'none'}</Text> ({backup.tables.length} tables).
      </Text>
      <SegmentedControl value={into} onChange={(v) => setInto(v as 'same' | 'new')} disabled={restore.isPending}
        data={[{ value: 'same', label: `Into ${backup.databaseName} (replace it)` }, { value: 'new', label: 'Into a new database' }]} />
      {into === 'same' ? (
        <Alert color="red" variant="light" icon={<IconAlertOctagon size={18} />} title={`Everything in ${backup.databaseName} is replaced`}>
          <Stack gap="xs">
            <Text size="sm">
              Every table, its rows, and the migrations table of <strong>{backup.databaseName}</strong> are replaced by the backup's: whatever changed since {absoluteTime(backup.createdAt)} is lost.
              Stop the application first.
            </Text>
            <TextInput label={<>Type the database name <strong>{backup.databaseName}</strong> to confirm</>} value={typed} onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off" spellCheck={false} data-testid="restore-confirm-name" disabled={restore.isPending} />
          </Stack>
        </Alert>
      ) : (
        <TextInput label="New database (created on the same server)" value={newDatabase} onChange={(e) => setNewDatabase(e.currentTarget.value)} error={newNameError}
          autoComplete="off" spellCheck={false} data-testid="restore-new-name" disabled={restore.isPending} />
      )}
      {live && <TransferProgressCard progress={live} />}
      {restore.error && <ErrorAlert error={restore.error} testId="restore-error" />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={restore.isPending}>Cancel</Button>
        <Button color={into === 'same' ? 'red' : 'blue'} disabled={!ready} loading={restore.isPending} onClick={() => restore.mutate()} data-testid="restore-run">
          {into === 'same' ? `Replace ${backup.databaseName}` : `Restore into ${newDatabase}`}
        </Button>
      </Group>
      {restore.isPending && <Badge variant="dot">Restoring…</Badge>}
    </Stack>
  );
}
