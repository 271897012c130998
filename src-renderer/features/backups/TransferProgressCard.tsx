import { Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { formatBytes } from '../../lib/formatBytes';
import { transferPercent, type TransferProgress } from './backupProgress';

const statusColor = { running: 'blue', complete: 'teal', failed: 'red', cancelled: 'orange' } as const;
const statusLabel = { running: 'Running', complete: 'Complete', failed: 'Failed — not a usable backup', cancelled: 'Cancelled — not a usable backup' } as const;

/** Tables done of total, bytes written against the catalog's estimate, the table being dumped, and Cancel. */
export function TransferProgressCard({ progress, onCancel, cancelling }: { progress: TransferProgress; onCancel?: () => void; cancelling?: boolean }) {
  const running = progress.status === 'running';
  const restore = progress.kind === 'restore';
  const label = restore ? statusLabel[progress.status].replace(' — not a usable backup', '') : statusLabel[progress.status];
  return (
    <Paper withBorder p="md" radius="md" data-testid={`${progress.kind}-progress`} data-status={progress.status}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {restore ? 'Restoring into' : 'Backing up'} {progress.database}
          </Text>
          <Badge color={statusColor[progress.status]} variant="light" data-testid="transfer-status">{label}</Badge>
        </Group>
        <Progress value={transferPercent(progress)} animated={running} color={statusColor[progress.status]} aria-label={`${progress.kind} progress`} />
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" data-testid="transfer-tables">
            {progress.tablesDone} of {progress.tablesTotal} tables
            {!restore && <> · {formatBytes(progress.bytesWritten)} written{progress.bytesEstimated > 0 && <> of about {formatBytes(progress.bytesEstimated)} (estimated from the catalog; compression makes it less)</>}</>}
          </Text>
          {running && onCancel && (
            <Button size="xs" variant="default" color="red" leftSection={<IconPlayerStop size={14} />} onClick={onCancel} loading={cancelling}>
              Cancel {progress.kind}
            </Button>
          )}
        </Group>
        {progress.currentTable && running && <Text size="xs" c="dimmed" ff="monospace">{restore ? 'restoring' : 'dumping'} {progress.currentTable}</Text>}
        {progress.message && !running && <Text size="sm" c={progress.status === 'complete' ? undefined : 'red'}>{progress.message}</Text>}
      </Stack>
    </Paper>
  );
}
