import { Button, Center, Code, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../src-main/contract';
import { downloadFile } from '../../lib/downloadFile';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { studio } from '../../lib/studio';

/** Which saved report: by the rollback's id (the wizard, History) or by its backup (Backups). */
export type RollbackReportRef = InputOf<'rollback/report'>;

/**
 * A saved rollback report as the operator reads it, fetched by id through `rollback/report` (a
 * browser in server mode cannot open the path it was saved at), with both files to download.
 */
export function RollbackReportView({ which, maxHeight = 420 }: { which: RollbackReportRef; maxHeight?: number }) {
  const saved = useQuery({
    queryKey: ['rollback', 'report', which],
    queryFn: () => studio.rollback.report(which),
    staleTime: Infinity,
    meta: { silent: true },
  });
  if (saved.isPending) return <Center py="sm"><Loader size="xs" mr="xs" /><Text size="sm">Reading the report…</Text></Center>;
  if (saved.isError) return <ErrorAlert error={saved.error} testId="rollback-report-error" />;
  const { report, text } = saved.data;
  return (
    <Stack gap="xs" data-testid="rollback-report">
      <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars>
        <Code block data-testid="rollback-report-text" style={{ whiteSpace: 'pre', fontSize: 12 }}>{text}</Code>
      </ScrollArea.Autosize>
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} data-testid="rollback-report-download-txt"
          onClick={() => downloadFile(`pgm-studio-rollback-${report.id}.txt`, text, 'text/plain')}>
          Download .txt
        </Button>
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} data-testid="rollback-report-download-json"
          onClick={() => downloadFile(`pgm-studio-rollback-${report.id}.json`, `${JSON.stringify(report, null, 2)}\n`, 'application/json')}>
          Download .json
        </Button>
      </Group>
    </Stack>
  );
}

/** The same, over whatever section it was opened from (History). */
export function RollbackReportModal({ which, onClose }: { which: RollbackReportRef | null; onClose(): void }) {
  return (
    <Modal opened={which !== null} onClose={onClose} size="xl" title="Rollback report">
      {which && <RollbackReportView which={which} maxHeight={560} />}
    </Modal>
  );
}
