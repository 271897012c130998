import { Badge, Button, Group, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import { IconFileText, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import type { BackupRecord } from '../../../src-main/contract';
import { formatBytes } from '../../lib/formatBytes';
import { absoluteTime, relativeTime } from '../../lib/relativeTime';

interface BackupsTableProps {
  backups: BackupRecord[];
  verifyingId: string | null;
  onVerify(backup: BackupRecord): void;
  onRestore(backup: BackupRecord): void;
  onReport(backup: BackupRecord): void;
}

/** Only a complete backup is a restore point; a failed or cancelled one says so in red, whatever else it has. */
export function BackupStatusBadge({ backup }: { backup: BackupRecord }) {
  if (backup.status === 'running') return <Badge color="blue" variant="dot">Running</Badge>;
  if (backup.status !== 'complete') {
    return (
      <Tooltip label={backup.message ?? 'This backup did not finish.'} multiline maw={320}>
        <Badge color="red" variant="light" data-testid="backup-invalid">{backup.status} · not usable</Badge>
      </Tooltip>
    );
  }
  return backup.verified ? (
    <Badge color="teal" variant="light" leftSection={<IconShieldCheck size={12} />}>Verified</Badge>
  ) : (
    <Badge color="yellow" variant="light">Complete · not verified</Badge>
  );
}

/** Every backup, newest first: what it holds, where the database stood, and what can be done with it. */
export function BackupsTable({ backups, verifyingId, onVerify, onRestore, onReport }: BackupsTableProps) {
  const rows = backups.map((backup) => {
    const usable = backup.status === 'complete';
    return (
      <Table.Tr key={backup.id} data-testid="backup-row" data-backup-id={backup.id} data-status={backup.status} data-verified={backup.verified}>
        <Table.Td>
          <Text size="sm">{absoluteTime(backup.createdAt)}</Text>
          <Text size="xs" c="dimmed">{relativeTime(backup.createdAt)}{backup.origin.kind === 'rollback' ? ' · before a rollback' : ''}</Text>
        </Table.Td>
        <Table.Td style={{ overflowWrap: 'anywhere' }}><Text size="sm" ff="monospace">{backup.database}</Text></Table.Td>
        <Table.Td style={{ overflowWrap: 'anywhere' }}>
          <Text size="sm" ff="monospace">{backup.lastMigration ?? 'no migration applied'}</Text>
          <Text size="xs" c="dimmed">{backup.appliedMigrations.length} applied · {backup.tables.length} tables</Text>
        </Table.Td>
        <Table.Td><Text size="sm">{backup.sizeBytes === null ? '—' : formatBytes(backup.sizeBytes)}</Text></Table.Td>
        <Table.Td><BackupStatusBadge backup={backup} /></Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap" justify="flex-end">
            <Button size="compact-xs" variant="subtle" leftSection={<IconShieldCheck size={14} />} disabled={!usable} loading={verifyingId === backup.id} onClick={() => onVerify(backup)} aria-label={`Verify backup ${backup.id}`}>Verify</Button>
            <Button size="compact-xs" variant="subtle" leftSection={<IconRestore size={14} />} disabled={!usable} onClick={() => onRestore(backup)} aria-label={`Restore backup ${backup.id}`}>Restore…</Button>
            <Button size="compact-xs" variant="subtle" leftSection={<IconFileText size={14} />} onClick={() => onReport(backup)} aria-label={`Report of backup ${backup.id}`}>Report</Button>
          </Group>
        </Table.Td>
      </Table.Tr>
    );
  });
  return (
    <ScrollArea type="auto">
      <Table verticalSpacing={6} highlightOnHover data-testid="backups-table" miw={820}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>Taken</Table.Th>
            <Table.Th>Database</Table.Th>
            <Table.Th>Migration state then</Table.Th>
            <Table.Th w={90}>Size</Table.Th>
            <Table.Th w={170}>Status</Table.Th>
            <Table.Th w={250} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
