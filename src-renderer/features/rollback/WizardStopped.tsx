import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';
import type { BackupRecord } from '../../../src-main/contract';

export interface WizardStop {
  /** The wizard step it stopped at, in the operator's words. */
  step: string;
  message: string;
  hint?: string;
  /** false: checked unchanged; null: could not be said (the engine did not report it). */
  databaseChanged: boolean | null;
}

/** A failure stops the wizard: what failed, that the database is unchanged and the backup intact, and what to do next. */
export function WizardStopped({ stop, backup, onTimeline, onClose, onRestore }: { stop: WizardStop; backup: BackupRecord | null; onTimeline(): void; onClose(): void; onRestore(): void }) {
  return (
    <Alert color="red" icon={<IconHandStop size={20} />} title={`The rollback stopped at "${stop.step}"`} data-testid="wizard-stopped" data-database-changed={String(stop.databaseChanged)}>
      <Stack gap="xs">
        <Text size="sm" data-testid="wizard-stopped-message">{stop.message}</Text>
        <Text size="sm" fw={600} data-testid="wizard-stopped-state">
          {stop.databaseChanged === false && 'The database is unchanged: no migration was reverted.'}
          {stop.databaseChanged === true && 'The database was changed: look at the integrity report and the timeline before anything else.'}
          {stop.databaseChanged === null && 'Check the timeline: the engine could not say whether the database changed.'}
          {backup?.status === 'complete' && <> The backup <Code>{backup.id}</Code> is intact{backup.verified ? ' and verified' : ''}.</>}
        </Text>
        <Text size="sm">
          <strong>What to do next:</strong>{' '}
          {stop.hint ??
            (stop.databaseChanged
              ? 'Read the integrity report (next steps). If the data is not what it should be, restore the backup: it puts the database back as it was before the rollback.'
              : 'Fix the cause above (the timeline shows the failing migration and its error), then start the guided rollback again.')}
        </Text>
        <Group gap="xs">
          {stop.databaseChanged && backup?.status === 'complete' && <Button size="xs" color="orange" onClick={onRestore} data-testid="wizard-stopped-restore">Restore this backup…</Button>}
          <Button size="xs" variant="default" onClick={onTimeline}>Open the timeline</Button>
          <Button size="xs" variant="default" onClick={onClose}>Back to backups</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
