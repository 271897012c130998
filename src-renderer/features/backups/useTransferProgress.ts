import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useStudioEvents } from '../../lib/useStudioEvents';
import { queryKeys } from '../../lib/queries';
import { backupKeys } from './backupQueries';
import { reduceTransferProgress, type TransferProgress } from './backupProgress';

/**
 * The latest backup or restore, live from the engine's events (whichever door started it), and the
 * backups list and timeline refreshed when one ends.
 */
export function useTransferProgress() {
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const queryClient = useQueryClient();
  useStudioEvents((event) => {
    setProgress((state) => reduceTransferProgress(state, event));
    if (event.type === 'backup-started' || event.type === 'backup-finished') void queryClient.invalidateQueries({ queryKey: backupKeys.all });
    // A restore replaces the migrations table too.
    if (event.type === 'restore-finished') {
      void queryClient.invalidateQueries({ queryKey: backupKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.migrations });
    }
  });
  return { progress, clear: () => setProgress(null) };
}
