import type { ChannelName, Handlers, MigrationEvent, ProjectSettings, SchemaCatalog } from '../contract';
import { poolKey, sharedInFlight, withClient, type DatabaseTarget } from '../core/database';
import { migrationSchemaDiff } from '../core/migrations';
import { readCatalog, readTableDetail } from '../core/schema';
import type { EventBus } from './eventBus';
import type { RunGuard } from './runGuard';

export interface SchemaDeps {
  project(): Promise<ProjectSettings>;
  target(connectionId?: string): Promise<DatabaseTarget>;
  events: EventBus;
  runs: RunGuard;
}

type SchemaChannel = Extract<ChannelName, `schema/${string}`>;

/** schema/* bound to the engine: the browser's catalog, one table's detail, a migration's schema change. */
export function schemaHandlers(deps: SchemaDeps): Pick<Handlers, SchemaChannel> {
  // Several windows opening the browser at once make one catalog read.
  const catalogReads = sharedInFlight<SchemaCatalog>();
  return {
    'schema/catalog': async ({ connectionId }) => {
      const target = await deps.target(connectionId);
      return catalogReads(poolKey(target), () => withClient(target, (client) => readCatalog(client)));
    },
    'schema/table': async ({ connectionId, schema, name }) => {
      const target = await deps.target(connectionId);
      return withClient(target, (client) => readTableDetail(client, schema, name));
    },
    // A rehearsal under the migration lock, rolled back: one at a time like any run, and its progress streams like one.
    'schema/migration-diff': ({ connectionId, migration }) =>
      deps.runs.exclusive(async (runId, signal) => {
        const [target, project] = await Promise.all([deps.target(connectionId), deps.project()]);
        const onEvent = (event: MigrationEvent) => deps.events.emit({ ...event, runId });
        return migrationSchemaDiff(target, project, migration, { runId, onEvent, signal });
      }),
  };
}
