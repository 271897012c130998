import { Alert, Center, Checkbox, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { RunSelection } from '../../../src-main/contract';
import { connectionTarget } from '../../lib/queries';
import { studio } from '../../lib/studio';
import { toStudioError } from '../../lib/studioError';
import { SkipBackupGuard, skipUnlocked, type SkipBackupTyping } from './SkipBackupGuard';
import { StakeView } from './StakeView';

/** What the operator chose in a down confirmation: back up first (the default), or skip it deliberately. */
export interface DownSafety {
  backupFirst: boolean;
  skip: SkipBackupTyping;
}

/** Whether the run may start: with a backup; without one on production only after the name and the phrase. */
export function downSafetyReady(safety: DownSafety, production: boolean, databaseName: string): boolean {
  return safety.backupFirst || !production || skipUnlocked(safety.skip, databaseName);
}

interface DownSafetyPanelProps {
  connectionId: string | null;
  selection: RunSelection;
  checkOrderOff: boolean;
  production: boolean;
  databaseName: string;
  safety: DownSafety;
  onSafety(safety: DownSafety): void;
}

/**
 * In every down confirmation: each migration's down SQL, the tables it drops or alters with their
 * rows, and "Back up first", on by default (on production it can only be turned off deliberately).
 */
export function DownSafetyPanel({ connectionId, selection, checkOrderOff, production, databaseName, safety, onSafety }: DownSafetyPanelProps) {
  const stake = useQuery({
    queryKey: ['rollback', 'stake', connectionId, selection],
    queryFn: () => studio.migrations.stake({ ...connectionTarget(connectionId), selection, ...(checkOrderOff ? { checkOrder: false } : {}) }),
    staleTime: 0,
    meta: { silent: true },
  });
  return (
    <Stack gap="sm" data-testid="down-safety">
      {stake.isPending && <Center py="sm"><Loader size="xs" mr="xs" /><Text size="sm">Rehearsing the downs to see what is at stake…</Text></Center>}
      {stake.isError && <Alert color="yellow" title="What is at stake could not be worked out">{toStudioError(stake.error).message}</Alert>}
      {stake.data && <StakeView stake={stake.data} />}
      <Checkbox checked={safety.backupFirst} onChange={(e) => onSafety({ ...safety, backupFirst: e.currentTarget.checked })} data-testid="backup-first"
        label={<Text size="sm" fw={600}>Back up first</Text>}
        description={production ? 'Required on production: a verified pg_dump of the whole database is made before anything is reverted.' : 'A pg_dump of the whole database is made (and verified) before anything is reverted.'} />
      {!safety.backupFirst && production && <SkipBackupGuard databaseName={databaseName} value={safety.skip} onChange={(skip) => onSafety({ ...safety, skip })} />}
      {!safety.backupFirst && !production && <Text size="sm" c="orange">Without a backup, the rows of the dropped tables are gone for good.</Text>}
    </Stack>
  );
}
