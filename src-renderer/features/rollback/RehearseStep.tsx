import { Badge, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import type { RehearsalResult, RollbackPlan } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { FailureDetails } from '../timeline/FailureDetails';
import { SchemaChanges } from './StakeView';

interface RehearseStepProps {
  plan: RollbackPlan | undefined;
  rehearsal: RehearsalResult | null;
  rehearsing: boolean;
  error: unknown;
  onRehearse(): void;
}

/** Step 5: the downs run in a transaction that is rolled back: every statement, and what they change in the schema. */
export function RehearseStep({ plan, rehearsal, rehearsing, error, onRehearse }: RehearseStepProps) {
  return (
    <Stack gap="md" data-testid="wizard-rehearse">
      <Group>
        <Button leftSection={<IconFlask size={16} />} onClick={onRehearse} loading={rehearsing} variant={rehearsal ? 'default' : 'filled'} data-testid="wizard-rehearse-run">
          {rehearsal ? 'Rehearse again' : 'Rehearse the downs'}
        </Button>
        <Text size="sm" c="dimmed">Runs them in a transaction that is always rolled back: the database is left as it is.</Text>
      </Group>
      {error !== null && error !== undefined && <ErrorAlert error={error} />}
      {rehearsal && (
        <>
          <Group gap="xs">
            <Badge color={rehearsal.success ? 'teal' : 'red'} size="lg" data-testid="wizard-rehearsal-outcome">{rehearsal.success ? 'Would succeed' : 'Would fail'}</Badge>
            <Text size="sm">{rehearsal.message}</Text>
          </Group>
          {rehearsal.failure && <FailureDetails failure={rehearsal.failure} rehearsal />}
          {plan && (
            <div>
              <Title order={4} size="h5" mb={4}>Schema change</Title>
              <SchemaChanges summary={plan.schemaChanges} testId="wizard-schema-changes" />
            </div>
          )}
          <div>
            <Title order={4} size="h5" mb={4}>SQL executed ({rehearsal.statements.length} statements)</Title>
            <Code block data-testid="wizard-rehearsal-sql" style={{ whiteSpace: 'pre-wrap', maxHeight: 280, overflow: 'auto' }}>
              {rehearsal.statements.length > 0 ? rehearsal.statements.map((s) => s.trim().replace(/;?$/, ';')).join('\n\n') : '-- no statements'}
            </Code>
          </div>
        </>
      )}
    </Stack>
  );
}
