import { useQuery } from '@tanstack/react-query';
import { studio } from '../../lib/studio';

export const backupKeys = {
  all: ['backups'] as const,
  list: ['backups', 'list'] as const,
};

export function useBackups() {
  return useQuery({ queryKey: backupKeys.list, queryFn: () => studio.backups.list({}) });
}
