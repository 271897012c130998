import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertOctagon, IconArrowBackUp } from '@tabler/icons-react';
import type { RollbackReport, RollbackStepState } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import type { MigrationProgress } from '../../app/run/runProgress';
import type { RollbackProgress } from './rollbackProgress';

const stepLabels = { backup: 'Backup', verify: 'Verify the backup', rehearse: 'Rehearse the downs', run: 'Run the downs (lock_timeout set)', integrity: 'Integrity check', report: 'Save the report' } as const;
const stateColor: Record<RollbackStepState, string> = { pending: 'gray', running: 'blue', done: 'teal', failed: 'red', skipped: 'gray' };

function StateBadge({ state }: { state: RollbackStepState }) {
  return <Badge size="sm" color={stateColor[state]} variant={state === 'running' ? 'dot' : 'light'} leftSection={state === 'running' ? <Loader size={10} /> : undefined}>{state}</Badge>;
}

interface RunStepProps {
  databaseName: string;
  production: boolean;
  typedName: string;
  onTypedName(value: string): void;
  plan: string[];
  progress: RollbackProgress | null;
  byMigration: Record<string, MigrationProgress>;
  running: boolean;
  report: RollbackReport | null;
  error: unknown;
  onRun(): void;
}

/** Step 6: the engine's rollback run, step by step (it checks the backup and rehearses once more under its lock), each migration as it is reverted. */
export function RunStep(props: RunStepProps) {
  const { plan, progress, byMigration, running, report } = props;
  const unlocked = !props.production || props.typedName === props.databaseName;
  return (
    <Stack gap="md" data-testid="wizard-run">
      {!report && (
        <>
          {props.production && (
            <Alert color="red" icon={<IconAlertOctagon size={18} />} title="This is a PRODUCTION database">
              <TextInput label={<>Type the database name <strong>{props.databaseName}</strong> to confirm</>} value={props.typedName} onChange={(e) => props.onTypedName(e.currentTarget.value)}
                autoComplete="off" spellCheck={false} data-testid="wizard-confirm-name" disabled={running} />
            </Alert>
          )}
          <Group>
            <Button color="red" leftSection={<IconArrowBackUp size={16} />} onClick={props.onRun} loading={running} disabled={!unlocked} data-testid="wizard-run-downs">
              Revert {plan.length} migration{plan.length === 1 ? '' : 's'} now
            </Button>
            <Text size="sm" c="dimmed">All in one transaction: if any down fails, none of them is applied.</Text>
          </Group>
        </>
      )}
      {props.error !== null && props.error !== undefined && <ErrorAlert error={props.error} testId="wizard-run-error" />}
      {(progress || report) && (
        <Table verticalSpacing={4} fz="sm" withTableBorder data-testid="wizard-run-steps">
          <Table.Tbody>
            {(report?.steps ?? progress?.steps ?? []).map((s) => (
              <Table.Tr key={s.step} data-step={s.step} data-state={s.state}>
                <Table.Td w={220}>{stepLabels[s.step]}</Table.Td>
                <Table.Td w={110}><StateBadge state={s.state} /></Table.Td>
                <Table.Td>{s.message}{s.durationMs !== null && s.durationMs !== undefined && <Text span c="dimmed" size="xs"> · {(s.durationMs / 1000).toFixed(1)} s</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Table verticalSpacing={2} fz="sm" data-testid="wizard-run-migrations">
        <Table.Tbody>
          {plan.map((name) => {
            const p = byMigration[name];
            const done = report?.reverted.includes(name);
            const label = done ? 'reverted' : p?.status ?? (report ? 'not reverted' : 'waiting');
            return (
              <Table.Tr key={name} data-name={name} data-progress={label}>
                <Table.Td ff="monospace">{name}</Table.Td>
                <Table.Td w={140}><Badge size="sm" variant="light" color={done ? 'teal' : label === 'failed' ? 'red' : label === 'running' ? 'blue' : 'gray'}>{label}</Badge></Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
