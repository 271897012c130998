import { Alert, Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconRestore, IconTimeline } from '@tabler/icons-react';
import type { RollbackReport } from '../../../src-main/contract';
import { downloadFile } from '../../lib/downloadFile';

interface SummaryStepProps {
  report: RollbackReport;
  onRestore(): void;
  onTimeline(): void;
}

/** Step 8: what was done, where the report is saved, and the way back: "Restore this backup". */
export function SummaryStep({ report, onRestore, onTimeline }: SummaryStepProps) {
  return (
    <Stack gap="md" data-testid="wizard-summary" data-success={report.success}>
      <Alert color={report.success ? 'teal' : 'red'} icon={report.success ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
        title={report.success ? `Rolled back to ${report.toMigration}` : `The rollback to ${report.toMigration} stopped${report.failedStep ? ` at ${report.failedStep}` : ''}`}>
        <Text size="sm">{report.message}</Text>
      </Alert>
      <div>
        <Text size="sm" fw={600}>Reverted ({report.reverted.length})</Text>
        <List size="sm" data-testid="summary-reverted">{report.reverted.map((n) => <List.Item key={n} ff="monospace">{n}</List.Item>)}</List>
      </div>
      <Text size="sm">
        Backup: {report.backup ? <><Code>{report.backup.id}</Code> at <Code>{report.backup.path}</Code>{report.backup.verified ? ' (verified)' : ''}</> : <Text span c="red" size="sm">skipped (recorded in the history)</Text>}
      </Text>
      {report.reportPaths && (
        <Stack gap={2} data-testid="summary-report-paths">
          <Text size="sm">Report saved as <Code>{report.reportPaths.json}</Code></Text>
          <Text size="sm">and as text in <Code>{report.reportPaths.text}</Code></Text>
        </Stack>
      )}
      <Group>
        <Button variant="default" leftSection={<IconDownload size={16} />} data-testid="summary-download-json"
          onClick={() => downloadFile(`pgm-studio-rollback-${report.id}.json`, JSON.stringify(report, null, 2), 'application/json')}>
          Download the report (JSON)
        </Button>
        {report.backup?.status === 'complete' && (
          <Button color="orange" leftSection={<IconRestore size={16} />} onClick={onRestore} data-testid="summary-restore">Restore this backup…</Button>
        )}
        <Button variant="default" leftSection={<IconTimeline size={16} />} onClick={onTimeline}>Open the timeline</Button>
      </Group>
      <Text size="sm" c="dimmed">Restart the application once you are satisfied (the seed's last emergency step).</Text>
    </Stack>
  );
}
