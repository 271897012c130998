import { useState } from 'react';
import { Button, Group, Paper, ScrollArea, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconX } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useRunProgress } from '../../app/run/RunProgressContext';
import { RestoreDialog } from '../backups/RestoreDialog';
import { useTransferProgress } from '../backups/useTransferProgress';
import { BackupStep } from './BackupStep';
import { IntegrityView } from './IntegrityView';
import { PreflightStep } from './PreflightStep';
import { RehearseStep } from './RehearseStep';
import { RunStep } from './RunStep';
import { SummaryStep } from './SummaryStep';
import { TargetStep } from './TargetStep';
import { useRollbackWizard, wizardSteps, type WizardStepIndex } from './useRollbackWizard';
import { VerifyStep } from './VerifyStep';
import { WizardStopped } from './WizardStopped';

const stepDescriptions = ['What is reverted', 'Who else is connected', 'pg_dump, live', 'pg_restore --list, SHA-256', 'Downs, rolled back', 'Downs, for real', 'Rows, keys, schema', 'Report, restore'];

/**
 * The guided backup-then-rollback (the seed's emergency rollback, made safe): each step must pass
 * before the next; a failure stops it and says the database is unchanged and the backup intact.
 */
export function RollbackWizard({ initialTarget, onClose }: { initialTarget: string | null; onClose(): void }) {
  const w = useRollbackWizard(initialTarget);
  const navigate = useNavigate();
  const { progress: runProgress } = useRunProgress();
  const transfer = useTransferProgress();
  const [restoring, setRestoring] = useState(false);
  const planNames = w.plan.data?.migrations.map((m) => m.name) ?? [];
  const ran = w.run.isPending || w.report !== null;
  const openTimeline = () => void navigate('/timeline');

  const content: Record<WizardStepIndex, React.ReactNode> = {
    0: <TargetStep status={w.status.data} target={w.toMigration} onTarget={w.choose} plan={w.plan} />,
    1: <PreflightStep preflight={w.preflight} appStopped={w.appStopped} onAppStopped={w.setAppStopped} />,
    2: (
      <BackupStep databaseName={w.databaseName} mode={w.backupMode} onMode={w.setBackupMode} skip={w.skip} onSkip={w.setSkip}
        backup={w.backupRecord} progress={transfer.progress} running={w.backup.isPending} error={w.backup.error}
        onStart={() => w.backup.mutate()} onCancel={() => w.cancelBackup.mutate(transfer.progress?.backupId)} cancelling={w.cancelBackup.isPending} />
    ),
    3: (
      <VerifyStep backup={w.backupMode === 'skip' ? null : w.backupRecord} verification={w.verify.data ?? null} testRestore={w.testRestore} onTestRestore={w.setTestRestore}
        verifying={w.verify.isPending} error={null} onVerify={() => w.backupRecord && w.verify.mutate(w.backupRecord.id)} />
    ),
    4: <RehearseStep plan={w.plan.data} rehearsal={w.rehearse.data ?? null} rehearsing={w.rehearse.isPending} error={null} onRehearse={() => w.rehearse.mutate()} />,
    5: (
      <RunStep databaseName={w.databaseName} production={w.production} typedName={w.typedName} onTypedName={w.setTypedName} plan={planNames}
        progress={w.progress} byMigration={runProgress.byMigration} running={w.run.isPending} report={w.report} error={null}
        onRun={() => w.run.mutate(w.backupMode === 'skip' ? null : w.backupRecord)} />
    ),
    6: <IntegrityView integrity={w.report?.integrity ?? null} />,
    7: w.report ? <SummaryStep report={w.report} onRestore={() => setRestoring(true)} onTimeline={openTimeline} /> : null,
  };

  const next = () => w.setActive((Math.min(7, w.active + 1)) as WizardStepIndex);
  const back = () => w.setActive((Math.max(0, w.active - 1)) as WizardStepIndex);
  return (
    <ScrollArea h="100%" data-testid="rollback-wizard" data-step={w.active}>
      <Stack p="md" gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={2} size="h3">Guided rollback{w.toMigration ? <> to <Text span ff="monospace" inherit>{w.toMigration}</Text></> : ''}</Title>
            <Text size="sm" c="dimmed">Stop the application, back up, verify, rehearse, roll back, check integrity. Each step must pass before the next.</Text>
          </Stack>
          <Button variant="subtle" color="gray" leftSection={<IconX size={16} />} onClick={onClose} disabled={w.run.isPending}>Close</Button>
        </Group>
        <Stepper active={w.active} size="sm" iconSize={30} onStepClick={(i) => !ran && i < w.active && w.setActive(i as WizardStepIndex)} allowNextStepsSelect={false}>
          {wizardSteps.map((label, i) => (
            <Stepper.Step key={label} label={label} title={stepDescriptions[i]} color={w.stop && i === w.active ? 'red' : undefined} data-testid={`wizard-step-${i}`} />
          ))}
        </Stepper>
        {w.stop && <WizardStopped stop={w.stop} backup={w.backupRecord} onTimeline={openTimeline} onClose={onClose} onRestore={() => setRestoring(true)} />}
        <Paper withBorder p="md" radius="md">{content[w.active]}</Paper>
        {w.active < 7 && (
          <Group justify="space-between">
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={back} disabled={w.active === 0 || ran}>Back</Button>
            <Button rightSection={<IconArrowRight size={16} />} onClick={next} disabled={!w.canNext[w.active] || (w.stop !== null && w.report === null)} data-testid="wizard-next">
              Next: {wizardSteps[w.active + 1]}
            </Button>
          </Group>
        )}
      </Stack>
      <RestoreDialog backup={restoring ? (w.report?.backup ?? w.backupRecord) : null} progress={transfer.progress} onClose={() => setRestoring(false)} />
    </ScrollArea>
  );
}
