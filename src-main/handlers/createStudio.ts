import type { AppInfo, Handlers, ProjectSettings } from '../contract';
import type { ConnectionStoreOptions } from '../core/connections';
import { loadProject } from '../core/migrations';
import { appHandlers } from './app';
import { createConnectionContext } from './connectionContext';
import { connectionsHandlers } from './connections';
import { stderrLog, type ProcessLog } from './errorShape';
import { createEventBus, type EventBus } from './eventBus';
import { migrationsHandlers } from './migrations';
import { createProductionGuard } from './productionGuard';
import { createRunGuard } from './runGuard';

export interface StudioOptions {
  /** The app's data folder (connection profiles, sandbox cluster). */
  dataDir: string;
  /** The project's migrations directory; default: the engine's (config file or ./migrations). */
  migrationsDir?: string;
  /** node-pg-migrate JSON config file. */
  configFile?: string;
  /** Settings given on the command line (table, schema, check-order) over the project's own. */
  projectOverrides?: Partial<ProjectSettings>;
  /** A connection for this session only; current until another is selected. */
  databaseUrl?: string;
  door: AppInfo['door'];
  log?: ProcessLog;
  /** Progress of slow connection steps (the sandbox's first start) for a door that shows it, e.g. the CLI's stderr. */
  connectionProgress?: Pick<ConnectionStoreOptions, 'onProgress' | 'onLog'>;
}

export interface Studio {
  /** Every contract channel, bound once to the engine. Inputs are already parsed (see router.ts). */
  handlers: Handlers;
  events: EventBus;
  /** Stop what the studio started (the sandbox server). */
  close(): Promise<void>;
}

/** The composition root every door (Electron, server, CLI) builds its handlers from. */
export function createStudio(options: StudioOptions): Studio {
  const log = options.log ?? stderrLog;
  const events = createEventBus((error) => log('An event subscriber failed', error));
  const connections = createConnectionContext({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, progress: options.connectionProgress });
  // Read per request: the operator may edit the config file while the app is open.
  const project = () => loadProject({ migrationsDir: options.migrationsDir, configFile: options.configFile, overrides: options.projectOverrides });
  const productionGuard = createProductionGuard(connections, options.door);
  const handlers: Handlers = {
    ...migrationsHandlers({
      project: async () => (await project()).settings,
      target: (connectionId) => connections.target(connectionId),
      targetToChange: (connectionId, confirm) => productionGuard.targetToChange(connectionId, confirm),
      events,
      runs: createRunGuard(),
    }),
    // A broken project (say, a missing migrations folder) must not stop a connection test: default to public then.
    ...connectionsHandlers(connections, events, () => project().then((info) => info.settings.schema, () => 'public')),
    ...appHandlers({ door: options.door, project }),
  };
  return { handlers, events, close: () => connections.close() };
}
