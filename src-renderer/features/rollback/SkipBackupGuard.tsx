import { Alert, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { skipBackupPhrase } from '../../../src-main/contract';

export interface SkipBackupTyping {
  typedDatabaseName: string;
  phrase: string;
}

export const emptySkip: SkipBackupTyping = { typedDatabaseName: '', phrase: '' };

/** Both typed exactly: the database's name and the phrase. */
export function skipUnlocked(skip: SkipBackupTyping, databaseName: string): boolean {
  return skip.typedDatabaseName === databaseName && skip.phrase.trim() === skipBackupPhrase;
}

/** Going on without a backup is possible, but only deliberately: the name and the phrase, and it is logged. */
export function SkipBackupGuard({ databaseName, value, onChange }: { databaseName: string; value: SkipBackupTyping; onChange(value: SkipBackupTyping): void }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertOctagon size={18} />} title="Without a backup, what the downs drop is gone" data-testid="skip-backup-guard">
      <Stack gap="xs">
        <Text size="sm">If something goes wrong there is no way back. This choice is recorded in the history, with your name.</Text>
        <TextInput size="sm" label={<>Type the database name <strong>{databaseName}</strong></>} value={value.typedDatabaseName}
          onChange={(e) => onChange({ ...value, typedDatabaseName: e.currentTarget.value })} autoComplete="off" spellCheck={false} data-testid="skip-database-name" />
        <TextInput size="sm" label={<>and the phrase <strong>{skipBackupPhrase}</strong></>} value={value.phrase}
          onChange={(e) => onChange({ ...value, phrase: e.currentTarget.value })} autoComplete="off" spellCheck={false} data-testid="skip-phrase" />
      </Stack>
    </Alert>
  );
}
