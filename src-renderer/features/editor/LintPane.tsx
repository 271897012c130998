import { Badge, Group, List, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconX } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { LintFinding, LintResult } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';

const look = {
  error: { color: 'red', icon: IconX },
  warning: { color: 'orange', icon: IconAlertTriangle },
  info: { color: 'blue', icon: IconInfoCircle },
} as const;

function Finding({ finding, onGoToLine }: { finding: LintFinding; onGoToLine(line: number): void }) {
  const { color, icon: Icon } = look[finding.severity];
  return (
    <List.Item data-testid="lint-finding" data-rule={finding.rule} icon={<ThemeIcon size={18} radius="xl" color={color} variant="light"><Icon size={12} /></ThemeIcon>}>
      <Text size="sm">{finding.message}</Text>
      {finding.line !== null && (
        <Text size="xs" c="dimmed" component="button" type="button" onClick={() => onGoToLine(finding.line as number)} style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', textDecoration: 'underline' }}>
          {`line ${finding.line}`}
        </Text>
      )}
    </List.Item>
  );
}

/** The seed's review checklist, run on the text: each finding here and underlined on its line. */
export function LintPane({ lint, current, onGoToLine }: { lint: UseQueryResult<LintResult>; current: boolean; onGoToLine(line: number): void }) {
  const findings = lint.data?.findings ?? [];
  return (
    <Stack gap="xs" data-testid="lint-pane">
      <Group gap="xs">
        <Text fw={600} size="sm">Review checklist</Text>
        {(!current || lint.isFetching) && <Loader size={12} aria-label="Checking" />}
        {lint.data && <Badge variant="light" color={findings.length === 0 ? 'green' : 'orange'}>{findings.length === 0 ? 'all clear' : `${findings.length} to review`}</Badge>}
      </Group>
      {lint.isError && <ErrorAlert error={lint.error} testId="lint-error" />}
      {lint.data && findings.length === 0 && (
        <Group gap={6}><IconCircleCheck size={16} color="var(--mantine-color-green-6)" /><Text size="sm">Nothing on the checklist applies.</Text></Group>
      )}
      {findings.length > 0 && <List spacing="xs" size="sm">{findings.map((f, i) => <Finding key={`${f.rule}-${f.line}-${i}`} finding={f} onGoToLine={onGoToLine} />)}</List>}
      {lint.data?.rowEstimatesFrom && <Text size="xs" c="dimmed">{`Row counts from ${lint.data.rowEstimatesFrom}.`}</Text>}
    </Stack>
  );
}
