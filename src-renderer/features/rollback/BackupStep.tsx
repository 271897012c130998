import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import type { BackupRecord } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { formatBytes } from '../../lib/formatBytes';
import { TransferProgressCard } from '../backups/TransferProgressCard';
import type { TransferProgress } from '../backups/backupProgress';
import { SkipBackupGuard, type SkipBackupTyping } from './SkipBackupGuard';

interface BackupStepProps {
  databaseName: string;
  mode: 'backup' | 'skip';
  onMode(mode: 'backup' | 'skip'): void;
  skip: SkipBackupTyping;
  onSkip(value: SkipBackupTyping): void;
  backup: BackupRecord | null;
  progress: TransferProgress | null;
  running: boolean;
  error: unknown;
  onStart(): void;
  onCancel(): void;
  cancelling: boolean;
}

/** Step 3: a pg_dump of the whole database with live progress, cancellable; or, deliberately, none. */
export function BackupStep(props: BackupStepProps) {
  const { databaseName, mode, backup, progress, running } = props;
  const live = progress?.kind === 'backup' && (running || progress.backupId === backup?.id) ? progress : null;
  return (
    <Stack gap="md" data-testid="wizard-backup">
      <Radio.Group value={mode} onChange={(v) => props.onMode(v as 'backup' | 'skip')}>
        <Stack gap="xs">
          <Radio value="backup" label="Back up the whole database first (recommended)" disabled={running} />
          <Radio value="skip" label="Go on without a backup" disabled={running || backup?.status === 'complete'} data-testid="wizard-skip-backup" />
        </Stack>
      </Radio.Group>
      {mode === 'backup' && (
        <>
          {!backup && (
            <Group>
              <Button leftSection={<IconDatabaseExport size={16} />} onClick={props.onStart} loading={running && !live} disabled={running} data-testid="wizard-start-backup">
                Back up {databaseName} now
              </Button>
            </Group>
          )}
          {live && <TransferProgressCard progress={live} onCancel={props.onCancel} cancelling={props.cancelling} />}
          {backup?.status === 'complete' && (
            <Alert color="teal" title="Backup complete" data-testid="wizard-backup-done">
              <Text size="sm">
                {backup.tables.length} tables, {backup.sizeBytes === null ? '' : formatBytes(backup.sizeBytes)} in <Text span ff="monospace" size="sm">{backup.path}</Text>
                {backup.durationMs !== null && ` (${(backup.durationMs / 1000).toFixed(1)} s)`}. Next: verify it.
              </Text>
            </Alert>
          )}
          {backup && backup.status !== 'complete' && (
            <Alert color="red" title={`The backup ${backup.status === 'cancelled' ? 'was cancelled' : 'failed'}: it is not a usable backup`} data-testid="wizard-backup-invalid">
              <Text size="sm">{backup.message} Nothing was changed in the database. Start a new backup to go on.</Text>
              <Button size="xs" mt="xs" variant="default" onClick={props.onStart}>Back up again</Button>
            </Alert>
          )}
          {props.error !== null && props.error !== undefined && <ErrorAlert error={props.error} testId="wizard-backup-error" />}
        </>
      )}
      {mode === 'skip' && <SkipBackupGuard databaseName={databaseName} value={props.skip} onChange={props.onSkip} />}
    </Stack>
  );
}
