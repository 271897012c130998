import { Button, Code, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { BackupRecord } from '../../../src-main/contract';
import { downloadFile } from '../../lib/downloadFile';
import { formatBytes } from '../../lib/formatBytes';
import { absoluteTime } from '../../lib/relativeTime';
import { BackupStatusBadge } from './BackupsTable';
import { RollbackReportView } from '../rollback/RollbackReportView';
import { VerificationView } from './VerificationView';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w={170}><Text size="sm" fw={600}>{label}</Text></Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

/** A backup's report: where it is, what it holds, how it was made and checked. */
export function BackupDetailsDrawer({ backup, onClose }: { backup: BackupRecord | null; onClose(): void }) {
  return (
    <Drawer opened={backup !== null} onClose={onClose} position="right" size="xl" title="Backup report">
      {backup && (
        <Stack gap="md" data-testid="backup-report">
          <Table verticalSpacing={4}>
            <Table.Tbody>
              <Field label="Status"><BackupStatusBadge backup={backup} />{backup.message && <Text size="sm" mt={4}>{backup.message}</Text>}</Field>
              <Field label="Database"><Text size="sm" ff="monospace">{backup.database}</Text></Field>
              <Field label="Taken">{absoluteTime(backup.createdAt)}{backup.durationMs !== null && ` (${(backup.durationMs / 1000).toFixed(1)} s)`}</Field>
              <Field label="Migration state"><Text size="sm" ff="monospace">{backup.lastMigration ?? 'none applied'}</Text><Text size="xs" c="dimmed">{backup.appliedMigrations.length} applied</Text></Field>
              <Field label="File"><Code>{backup.path}</Code> ({backup.format === 'directory' ? 'pg_dump -Fd folder' : 'pg_dump -Fc file'})</Field>
              <Field label="Size">{backup.sizeBytes === null ? '—' : formatBytes(backup.sizeBytes)}</Field>
              <Field label="SHA-256"><Code>{backup.sha256 ?? '—'}</Code></Field>
              <Field label="Made with">{backup.tool ?? '—'}{backup.serverVersion && ` · server ${backup.serverVersion}`}</Field>
            </Table.Tbody>
          </Table>
          <div>
            <Text size="sm" fw={600} mb={4}>Tables ({backup.tables.length})</Text>
            <Table verticalSpacing={2} fz="sm" withTableBorder>
              <Table.Tbody>
                {backup.tables.map((t) => (
                  <Table.Tr key={`${t.schema}.${t.name}`}><Table.Td ff="monospace">{t.schema}.{t.name}</Table.Td><Table.Td ta="right">{t.rows} rows</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          {backup.verification ? <VerificationView verification={backup.verification} /> : <Text size="sm" c="dimmed">Not verified yet.</Text>}
          {backup.reportPath && (
            <div>
              <Text size="sm" fw={600} mb={4}>Rollback report</Text>
              <RollbackReportView which={{ backupId: backup.id }} />
              <Text size="xs" c="dimmed" mt={4}>Saved on the studio's machine as <Code>{backup.reportPath}</Code></Text>
            </div>
          )}
          <Group>
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => downloadFile(`pgm-studio-backup-${backup.id}.json`, JSON.stringify(backup, null, 2), 'application/json')}>
              Download as JSON
            </Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
