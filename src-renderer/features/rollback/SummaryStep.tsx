import { Alert, Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconRestore, IconTimeline } from '@tabler/icons-react';
import { rollbackTargetLabel, type RollbackReport } from '../../../src-main/contract';
import { downloadFile } from '../../lib/downloadFile';
import { RollbackReportView } from './RollbackReportView';

interface SummaryStepProps {
  report: RollbackReport;
  onRestore(): void;
  onTimeline(): void;
}

/** Step 8: what was done, the saved report to read and download, and the way back: "Restore this backup". */
export function SummaryStep({ report, onRestore, onTimeline }: SummaryStepProps) {
  return (
    <Stack gap="md" data-testid="wizard-summary" data-success={report.success}>
      <Alert color={report.success ? 'teal' : 'red'} icon={report.success ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
        title={report.success ? `Rolled back to ${rollbackTargetLabel(report.toMigration)}` : `The rollback to ${rollbackTargetLabel(report.toMigration)} stopped${report.failedStep ? ` at ${report.failedStep}` : ''}`}>
        <Text size="sm">{report.message}</Text>
      </Alert>
      <div>
        <Text size="sm" fw={600}>Reverted ({report.reverted.length})</Text>
        <List size="sm" data-testid="summary-reverted">{report.reverted.map((n) => <List.Item key={n} ff="monospace">{n}</List.Item>)}</List>
      </div>
      <Text size="sm">
        Backup: {report.backup ? <><Code>{report.backup.id}</Code> at <Code>{report.backup.path}</Code>{report.backup.verified ? ' (verified)' : ''}</> : <Text span c="red" size="sm">skipped (recorded in the history)</Text>}
      </Text>
      {report.reportPaths ? (
        <div>
          <Text size="sm" fw={600} mb={4}>Report</Text>
          <RollbackReportView which={{ rollbackId: report.id }} />
          <Text size="xs" c="dimmed" mt={4} data-testid="summary-report-paths">
            Saved on the studio's machine as <Code>{report.reportPaths.json}</Code> and <Code>{report.reportPaths.text}</Code>
          </Text>
        </div>
      ) : (
        <Alert color="yellow" title="The report could not be saved">
          <Text size="sm">{report.steps.find((s) => s.step === 'report')?.message}</Text>
        </Alert>
      )}
      <Group>
        {!report.reportPaths && (
          <Button variant="default" leftSection={<IconDownload size={16} />} data-testid="summary-download-json"
            onClick={() => downloadFile(`pgm-studio-rollback-${report.id}.json`, JSON.stringify(report, null, 2), 'application/json')}>
            Download the report (JSON)
          </Button>
        )}
        {report.backup?.status === 'complete' && (
          <Button color="orange" leftSection={<IconRestore size={16} />} onClick={onRestore} data-testid="summary-restore">Restore this backup…</Button>
        )}
        <Button variant="default" leftSection={<IconTimeline size={16} />} onClick={onTimeline}>Open the timeline</Button>
      </Group>
      <Text size="sm" c="dimmed">Restart the application once you are satisfied (the seed's last emergency step).</Text>
    </Stack>
  );
}
