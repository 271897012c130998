import { Alert, Badge, Code, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { MigrationPreview, PreviewStep } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';

function StepSql({ title, step }: { title: 'up' | 'down'; step: PreviewStep }) {
  const testId = `preview-${title}`;
  if ('error' in step) {
    const where = step.error.position ? `Line ${step.error.position.line}, column ${step.error.position.column}: ` : '';
    return (
      <Alert color="red" title={`${title}: the migration does not load`} data-testid={testId} data-outcome="error">
        <Text size="sm">{where}{step.error.message}</Text>
      </Alert>
    );
  }
  if ('notInferable' in step) {
    return (
      <Alert color="orange" title="down cannot be inferred" data-testid={testId} data-outcome="not-inferable">
        <Text size="sm">{step.notInferable}</Text>
        <Text size="sm" mt={4}>Write an explicit down, or a rollback of this migration will fail.</Text>
      </Alert>
    );
  }
  return (
    <Stack gap={4} data-testid={testId} data-outcome="sql">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">{title}</Text>
      {step.sql.length === 0 ? <Text size="sm" c="dimmed">No SQL.</Text> : <Code block style={{ whiteSpace: 'pre-wrap' }}>{step.sql.join('\n')}</Code>}
    </Stack>
  );
}

/** The SQL up and down will run, from node-pg-migrate's MigrationBuilder, without any database. */
export function PreviewPane({ preview, current }: { preview: UseQueryResult<MigrationPreview>; current: boolean }) {
  const updating = !current || preview.isFetching;
  return (
    <Stack gap="sm" data-testid="preview-pane" data-current={!updating}>
      <Group gap="xs">
        <Text fw={600} size="sm">SQL preview</Text>
        {updating && <Loader size={12} aria-label="Updating the preview" />}
        {preview.data?.noTransaction && <Badge color="orange" variant="light">runs outside a transaction</Badge>}
      </Group>
      {preview.isError && <ErrorAlert error={preview.error} testId="preview-error" />}
      {preview.data && (
        <Stack gap="sm" style={{ opacity: updating ? 0.55 : 1 }}>
          <StepSql title="up" step={preview.data.up} />
          <StepSql title="down" step={preview.data.down} />
        </Stack>
      )}
    </Stack>
  );
}
