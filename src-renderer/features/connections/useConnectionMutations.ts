import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { studio } from '../../lib/studio';
import { queryKeys } from '../../lib/queries';
import { useRunProgress } from '../../app/run/RunProgressContext';

/** Connection writes; each one refreshes the list, and switching refreshes everything that depends on it. */
export function useConnectionMutations() {
  const queryClient = useQueryClient();
  const { reset } = useRunProgress();
  const refreshList = () => queryClient.invalidateQueries({ queryKey: queryKeys.connections });

  const select = useMutation({
    mutationFn: (id: string) => studio.connections.select({ id }),
    onSuccess: (list) => {
      reset();
      queryClient.setQueryData(queryKeys.connections, list);
      void queryClient.invalidateQueries();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => studio.connections.delete({ id }),
    onSuccess: () => notifications.show({ color: 'teal', message: 'Connection deleted.' }),
    onSettled: refreshList,
  });
  const save = useMutation({
    mutationFn: studio.connections.save,
    meta: { inlineErrors: true },
    onSuccess: (saved) => notifications.show({ color: 'teal', message: `Connection “${saved.name}” saved.` }),
    onSettled: refreshList,
  });
  const test = useMutation({ mutationFn: studio.connections.test, meta: { inlineErrors: true } });
  return { select, remove, save, test };
}
