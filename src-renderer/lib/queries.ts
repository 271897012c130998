import { useQuery } from '@tanstack/react-query';
import { studio } from './studio';

/** Query keys in one place, so a run or a connection switch can invalidate exactly what it changed. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  connections: ['connections', 'list'] as const,
  /** Everything a run can change: status and lock, for any connection. */
  migrations: ['migrations'] as const,
  status: (connectionId: string | null) => ['migrations', 'status', connectionId] as const,
  lock: (connectionId: string | null) => ['migrations', 'lock', connectionId] as const,
  server: (connectionId: string | null) => ['connections', 'test', connectionId] as const,
  /** Under `migrations`: a run changes the schema, so it refreshes the browser too. */
  schemaCatalog: (connectionId: string | null) => ['migrations', 'schema', 'catalog', connectionId] as const,
  schemaTable: (connectionId: string | null, schema: string, name: string) => ['migrations', 'schema', 'table', connectionId, schema, name] as const,
  /** Not under `migrations`: a rehearsal the operator asked for, never repeated by a run's refresh. */
  migrationDiff: (connectionId: string | null, migration: string) => ['schema', 'migration-diff', connectionId, migration] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => studio.app.info({}), staleTime: Infinity });
}

export function useConnections() {
  return useQuery({ queryKey: queryKeys.connections, queryFn: () => studio.connections.list({}) });
}

/** The connection the timeline works on, or null when the door picked its own default. */
export function useCurrentConnection() {
  const list = useConnections();
  const current = list.data?.connections.find((c) => c.id === list.data?.currentId) ?? null;
  return { ...list, current, currentId: list.data?.currentId ?? null };
}

/** A migrations call's target: no id lets the door use its default connection. */
export function connectionTarget(connectionId: string | null) {
  return connectionId ? { connectionId } : {};
}

export function useMigrationStatus(connectionId: string | null, enabled = true) {
  return useQuery({ queryKey: queryKeys.status(connectionId), queryFn: () => studio.migrations.status(connectionTarget(connectionId)), enabled });
}

export function useLockState(connectionId: string | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.lock(connectionId),
    queryFn: () => studio.migrations.lock(connectionTarget(connectionId)),
    enabled,
    refetchInterval: 5_000,
    // A lock poll failing every 5 s would bury the screen in notifications; the status bar shows it.
    meta: { silent: true },
  });
}

export function useServerInfo(connectionId: string | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.server(connectionId),
    queryFn: () => studio.connections.test(connectionId ? { id: connectionId } : {}),
    enabled,
    staleTime: 60_000,
    meta: { silent: true },
  });
}
