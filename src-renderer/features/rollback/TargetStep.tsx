import { Center, Loader, Select, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { MigrationStatus, RollbackPlan } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { StakeView } from './StakeView';

/** Applied migrations that have applied ones after them: rolling back to one of them reverts something. */
export function rollbackTargets(status: MigrationStatus | undefined): string[] {
  const applied = status?.appliedMigrations ?? [];
  return applied.slice(0, -1);
}

interface TargetStepProps {
  status: MigrationStatus | undefined;
  target: string | null;
  onTarget(name: string | null): void;
  plan: UseQueryResult<RollbackPlan>;
}

/** Step 1: roll back to which migration; the ones reverted, each with its down SQL; a down that cannot run blocks. */
export function TargetStep({ status, target, onTarget, plan }: TargetStepProps) {
  const targets = rollbackTargets(status);
  return (
    <Stack gap="md" data-testid="wizard-target">
      <Select
        label="Roll back to (this migration stays applied; every one after it is reverted)"
        placeholder={targets.length === 0 ? 'Nothing to roll back: fewer than two migrations are applied' : 'Choose a migration'}
        data={targets}
        value={target}
        onChange={onTarget}
        searchable
        disabled={targets.length === 0}
        data-testid="wizard-target-select"
      />
      {target && plan.isPending && (
        <Center py="md"><Loader size="sm" mr="sm" /><Text size="sm">Rehearsing the downs to see what they drop…</Text></Center>
      )}
      {plan.isError && <ErrorAlert error={plan.error} testId="wizard-plan-error" />}
      {plan.data && (
        <>
          <Text size="sm">
            These {plan.data.migrations.length} migrations will be reverted on <Text span ff="monospace">{plan.data.database}</Text>, in this order:
          </Text>
          <StakeView stake={plan.data} />
        </>
      )}
    </Stack>
  );
}
