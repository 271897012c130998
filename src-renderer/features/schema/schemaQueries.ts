import { useQuery } from '@tanstack/react-query';
import { connectionTarget, queryKeys } from '../../lib/queries';
import { studio } from '../../lib/studio';

export function useSchemaCatalog(connectionId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.schemaCatalog(connectionId),
    queryFn: () => studio.schema.catalog(connectionTarget(connectionId)),
    enabled,
    // The age text says how old it is; the operator refreshes, and a run refreshes it (see queryKeys).
    staleTime: Infinity,
    // The page shows the error with its hint; a notification would say it twice.
    meta: { silent: true },
  });
}

export function useTableDetail(connectionId: string | null, table: { schema: string; name: string } | null) {
  return useQuery({
    queryKey: queryKeys.schemaTable(connectionId, table?.schema ?? '', table?.name ?? ''),
    queryFn: () => studio.schema.table({ ...connectionTarget(connectionId), schema: table?.schema ?? '', name: table?.name ?? '' }),
    enabled: table !== null,
    staleTime: 30_000,
    meta: { silent: true },
  });
}

export function useMigrationSchemaDiff(connectionId: string | null, migration: string | null) {
  return useQuery({
    queryKey: queryKeys.migrationDiff(connectionId, migration ?? ''),
    queryFn: () => studio.schema.migrationDiff({ ...connectionTarget(connectionId), migration: migration ?? '' }),
    enabled: migration !== null,
    // A rehearsal under the migration lock: never retried or refetched behind the operator's back.
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    meta: { silent: true },
  });
}
