import { Alert, Button, Loader, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useConnections } from '../../lib/queries';
import { useConnectionMutations } from '../connections/useConnectionMutations';
import { EnvironmentCard } from './EnvironmentCard';
import { environmentStatus } from './environmentStatus';
import { PageHeader } from '../../lib/PageHeader';

/** Under ['migrations', ...] so that a run anywhere refreshes these cards too. */
const environmentKey = (connectionId: string) => ['migrations', 'environment', connectionId] as const;

/**
 * Every connection of the open project side by side, each asked on its own (one request per
 * connection, each with its own deadline), so one unreachable database never holds up the others.
 */
export function EnvironmentsPage() {
  const list = useConnections();
  // The sandbox is everyone's scratch database, not one of the project's environments (and asking it starts it).
  const connections = (list.data?.connections ?? []).filter((c) => !c.isSandbox || c.id === list.data?.currentId);
  const { select } = useConnectionMutations();
  const statuses = useQueries({
    queries: connections.map((connection) => ({
      queryKey: environmentKey(connection.id),
      queryFn: () => environmentStatus(connection.id),
      retry: false,
      // An unreachable environment is shown on its card, not as a notification.
      meta: { silent: true },
    })),
  });
  const fetching = statuses.some((s) => s.isFetching);

  return (
    <ScrollArea h="100%" data-testid="environments-page">
      <Stack p="md" gap="md">
        <PageHeader
          title="Environments"
          description="Every database of this project, and which migration each one is at."
          actions={
            <Button variant="default" leftSection={fetching ? <Loader size={14} /> : <IconRefresh size={16} />} onClick={() => statuses.forEach((s) => void s.refetch())}>
              Refresh
            </Button>
          }
        />
        {list.isError && <Alert color="red" title="The connections could not be listed.">{list.error.message}</Alert>}
        {list.isSuccess && connections.length === 0 && <Text c="dimmed">No connection belongs to this project yet. Add one under Connections.</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {connections.map((connection, index) => (
            <EnvironmentCard
              key={connection.id}
              connection={connection}
              status={statuses[index]!}
              current={connection.id === list.data?.currentId}
              onMakeCurrent={() => select.mutate(connection.id)}
              switching={select.isPending && select.variables === connection.id}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </ScrollArea>
  );
}
