import { Alert, Box, Button, Group, List, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconTestPipe, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { upDownUpSteps, type MigrationSourceLanguage, type UpDownUpResult, type UpDownUpStepName } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { studio } from '../../lib/studio';
import { DiffEditor } from './monaco/DiffEditor';

interface UpDownUpPanelProps {
  name: string;
  language: MigrationSourceLanguage;
  content: string;
}

function StepLine({ step, result, running }: { step: UpDownUpStepName; result: UpDownUpResult | undefined; running: boolean }) {
  const done = result?.steps.find((s) => s.step === step);
  const icon = done ? (done.ok ? <IconCheck size={12} /> : <IconX size={12} />) : running ? <Loader size={10} /> : null;
  return (
    <List.Item data-testid="up-down-up-step" data-step={step} data-ok={done ? String(done.ok) : 'pending'}
      icon={<ThemeIcon size={18} radius="xl" variant="light" color={done ? (done.ok ? 'green' : 'red') : 'gray'}>{icon}</ThemeIcon>}>
      <Text size="sm">{step}{done ? ` (${done.durationMs} ms)` : ''}</Text>
      {done?.error && <Text size="xs" c="red">{done.error.message}{done.error.hint ? ` ${done.error.hint}` : ''}</Text>}
    </List.Item>
  );
}

/**
 * The seed's "tested locally", automated: on a scratch database, the earlier migrations, then this
 * one's up, down and up again; it passes when down leaves the schema exactly as before up.
 */
export function UpDownUpPanel({ name, language, content }: UpDownUpPanelProps) {
  const test = useMutation({
    mutationFn: (tested: string) => studio.authoring.upDownUp({ name, language, content: tested }),
    meta: { inlineErrors: true },
  });
  const result = test.data;
  return (
    <Stack gap="sm" data-testid="up-down-up" data-outcome={test.isPending ? 'running' : result ? (result.passed ? 'passed' : 'failed') : 'idle'}>
      <Group justify="space-between">
        <Text fw={600} size="sm">Up → down → up</Text>
        <Button size="xs" leftSection={<IconTestPipe size={14} />} loading={test.isPending} onClick={() => test.mutate(content)}>Test up → down → up</Button>
      </Group>
      <Text size="xs" c="dimmed">Runs on a scratch database on the sandbox server; your databases are never touched.</Text>
      {(test.isPending || result) && (
        <List spacing={4} size="sm">{upDownUpSteps.map((step) => <StepLine key={step} step={step} result={result} running={test.isPending} />)}</List>
      )}
      {result && test.variables !== content && <Text size="xs" c="orange" data-testid="up-down-up-outdated">The text changed since this test: run it again.</Text>}
      {test.isError && <ErrorAlert error={test.error} testId="up-down-up-error" />}
      {result?.passed && (
        <Alert color="green" icon={<IconCheck size={16} />} title="Passed" data-testid="up-down-up-passed">
          {`down left the schema exactly as before up, and up ran again.${result.cached ? ' (earlier migrations from the cached replay)' : ''}`}
        </Alert>
      )}
      {result && !result.passed && (
        <Stack gap="xs" data-testid="up-down-up-failed">
          <Alert color="red" icon={<IconX size={16} />} title="Failed">
            {result.differences.length > 0
              ? <List size="sm">{result.differences.map((d) => <List.Item key={d} data-testid="up-down-up-difference">{d}</List.Item>)}</List>
              : <Text size="sm">A step failed; see above.</Text>}
          </Alert>
          {result.afterDownText !== '' && result.afterDownText !== result.beforeText && (
            <Stack gap={4}>
              <Group justify="space-between"><Text size="xs" c="dimmed">Schema before up</Text><Text size="xs" c="dimmed">Schema after down</Text></Group>
              <Box h={320} data-testid="up-down-up-diff" style={{ border: '1px solid var(--mantine-color-default-border)' }}>
                <DiffEditor path="schema.sql" original={result.beforeText} modified={result.afterDownText} />
              </Box>
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}
