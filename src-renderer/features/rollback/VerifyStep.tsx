import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { BackupRecord, BackupVerification } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { VerificationView } from '../backups/VerificationView';

interface VerifyStepProps {
  backup: BackupRecord | null;
  verification: BackupVerification | null;
  testRestore: boolean;
  onTestRestore(value: boolean): void;
  verifying: boolean;
  error: unknown;
  onVerify(): void;
}

/** Step 4: pg_restore reads the backup and lists every table; size and SHA-256; optionally a test restore. */
export function VerifyStep({ backup, verification, testRestore, onTestRestore, verifying, error, onVerify }: VerifyStepProps) {
  if (!backup) {
    return <Text size="sm" c="red" data-testid="wizard-verify-skipped">No backup was made: there is nothing to verify, and nothing to restore if the rollback goes wrong.</Text>;
  }
  return (
    <Stack gap="md" data-testid="wizard-verify">
      <Group>
        <Checkbox checked={testRestore} onChange={(e) => onTestRestore(e.currentTarget.checked)} disabled={verifying}
          label="Also restore it into a scratch database and compare every table's row count (slower)" data-testid="wizard-test-restore" />
        <Button leftSection={<IconShieldCheck size={16} />} onClick={onVerify} loading={verifying} data-testid="wizard-verify-run">
          {verification ? 'Verify again' : 'Verify the backup'}
        </Button>
      </Group>
      {error !== null && error !== undefined && <ErrorAlert error={error} />}
      {verification && <VerificationView verification={verification} tables={backup.tables.map((t) => `${t.schema}.${t.name}`)} />}
    </Stack>
  );
}
