import { authoringContract, backupsContract, rollbackContract, schemaContract, type AppInfo, type ChannelName, type Handlers, type ProjectSettings } from '../contract';
import { createAppliedSourceStore } from '../core/authoring/appliedSources';
import { onDatabase } from '../core/authoring/scratchDatabases';
import type { ConnectionStoreOptions } from '../core/connections';
import { SandboxConnection } from '../core/connections/sandboxConnection';
import { retainDatabasePools, withClient, type DatabaseTarget } from '../core/database';
import { createProjectSession } from '../core/project/projectSession';
import { appHandlers } from './app';
import { historyHandlers, recordHistory } from './history';
import { openHistoryLog } from '../core/history';
import { createConnectionContext } from './connectionContext';
import { connectionsHandlers } from './connections';
import { stderrLog, type ProcessLog } from './errorShape';
import { createEventBus, type EventBus } from './eventBus';
import { migrationsHandlers } from './migrations';
import { createProductionGuard } from './productionGuard';
import { projectHandlers } from './project';
import { createRunGuard } from './runGuard';

export interface StudioOptions {
  /** The app's data folder (connection profiles, sandbox cluster). */
  dataDir: string;
  /** The project folder (--project; the CLI's current folder); default: the last one opened (desktop), else `sampleProjectDir`. */
  projectDir?: string;
  /** The sample project: the zero-configuration first run. */
  sampleProjectDir?: string;
  /** Keep a recent-projects list in the data folder and reopen the last project at start (the desktop app). */
  rememberProjects?: boolean;
  /** serve --projects-root: the served UI may open folders below it, and only there. */
  projectsRoot?: string;
  /** The desktop app's native folder dialog (no other door has one). */
  pickFolder?: () => Promise<string | null>;
  /** The project's migrations directory over the project's own setting. */
  migrationsDir?: string;
  /** node-pg-migrate JSON config file. */
  configFile?: string;
  /** Settings given on the command line (table, schema, check-order) over the project's own. */
  projectOverrides?: Partial<ProjectSettings>;
  /** A connection for this session only; current until another is selected. */
  databaseUrl?: string;
  door: AppInfo['door'];
  log?: ProcessLog;
  /** A folder holding pg_dump / pg_restore, searched before PATH (else PGM_STUDIO_PG_BIN). */
  pgBinPath?: string;
  /** Progress of slow connection steps (the sandbox's first start) for a door that shows it, e.g. the CLI's stderr. */
  connectionProgress?: Pick<ConnectionStoreOptions, 'onProgress' | 'onLog'>;
  /** Where the up-down-up test makes its scratch databases (a role that may create databases); default: the sandbox. */
  scratchServer?: DatabaseTarget;
}

export interface Studio {
  /** Every contract channel, bound once to the engine. Inputs are already parsed (see router.ts). */
  handlers: Handlers;
  events: EventBus;
  /** Interrupt the run in progress (rolled back); resolves when it has ended. False when none was running. */
  interruptRun(): Promise<boolean>;
  /**
   * Open a pooled connection to the current database in the background (TCP, TLS, authentication), so
   * that it is ready when the command asks for it; never fails (the command reports its own errors).
   */
  warmConnection(): void;
  /** Stop what the studio started (its database connections, the sandbox server). */
  close(): Promise<void>;
}

/**
 * A domain's handlers behind its channels, its module (and the engine behind it) imported at the
 * first call: a CLI `up` never loads the authoring, schema-browsing or backup engines.
 */
function lazyHandlers<K extends ChannelName>(channels: Record<K, unknown>, load: () => Promise<Pick<Handlers, K>>): Pick<Handlers, K> {
  let loading: Promise<Pick<Handlers, K>> | undefined;
  const bound = (channel: K) => async (input: never) => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    const handler = (await loading)[channel] as (input: never) => Promise<unknown>;
    return handler(input);
  };
  return Object.fromEntries((Object.keys(channels) as K[]).map((channel) => [channel, bound(channel)])) as unknown as Pick<Handlers, K>;
}

/** The composition root every door (Electron, server, CLI) builds its handlers from. */
export function createStudio(options: StudioOptions): Studio {
  const log = options.log ?? stderrLog;
  const events = createEventBus((error) => log('An event subscriber failed', error));
  const releasePools = retainDatabasePools();
  const session = createProjectSession({
    dataDir: options.dataDir,
    root: options.projectDir,
    fallbackRoot: options.sampleProjectDir,
    remember: options.rememberProjects,
    projectsRoot: options.projectsRoot,
    openAnywhere: options.door !== 'server',
    configFile: options.configFile,
    overrides: { ...options.projectOverrides, ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}) },
  });
  const opening = { ...session.opening, pickFolder: options.pickFolder !== undefined };
  const connections = createConnectionContext({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    progress: options.connectionProgress,
    project: async () => {
      const { info, databaseUrl } = await session.current();
      return { root: info.root, databaseUrl, databaseUrlSource: info.origins.databaseUrl?.source };
    },
  });
  // Read per request: the operator may edit package.json, .env or the config file while the app is open.
  const project = async () => (await session.current()).info;
  const productionGuard = createProductionGuard(connections, options.door);
  const runs = createRunGuard();
  const appliedSources = createAppliedSourceStore(options.dataDir);
  // The sandbox starts only when an up-down-up test first needs it.
  const scratchSandbox = options.scratchServer === undefined ? new SandboxConnection({ dataDir: options.dataDir, ...options.connectionProgress }) : null;
  const scratchServer = async () => options.scratchServer ?? onDatabase((await scratchSandbox!.resolve()).target, 'postgres');
  const history = openHistoryLog(options.dataDir);
  const handlers: Handlers = recordHistory({
    ...migrationsHandlers({
      project: async () => (await project()).settings,
      target: (connectionId) => connections.target(connectionId),
      targetToChange: (connectionId, confirm) => productionGuard.targetToChange(connectionId, confirm),
      runTimeouts: (connectionId) => productionGuard.runTimeouts(connectionId),
      events,
      runs,
      appliedSources,
    }),
    // A broken project (say, a missing migrations folder) must not stop a connection test: default to public then.
    ...connectionsHandlers(connections, events, () => project().then((info) => info.settings.schema, () => 'public')),
    ...lazyHandlers(authoringContract, async () =>
      (await import('./authoring')).authoringHandlers({ project: async () => (await project()).settings, target: (connectionId) => connections.target(connectionId), scratchServer })),
    ...lazyHandlers(schemaContract, async () =>
      (await import('./schema')).schemaHandlers({ project: async () => (await project()).settings, target: (connectionId) => connections.target(connectionId), events, runs })),
    ...appHandlers({ door: options.door, project, projectOpening: opening }),
    ...projectHandlers({ session, opening, events, pickFolder: options.pickFolder }),
    ...lazyHandlers({ ...backupsContract, ...rollbackContract }, async () =>
      (await import('./backups')).backupsHandlers({
        dataDir: options.dataDir,
        project: async () => (await project()).settings,
        resolve: (connectionId) => productionGuard.resolve(connectionId),
        targetToChange: (connectionId, confirm) => productionGuard.targetToChange(connectionId, confirm),
        events,
        runs,
        pgBinPath: options.pgBinPath,
        runTimeouts: (connectionId) => productionGuard.runTimeouts(connectionId),
      })),
    ...historyHandlers(history),
  }, { log: history, door: options.door, events, resolve: (connectionId) => productionGuard.resolve(connectionId), onError: (error) => log('The audit log could not be written', error) });
  return {
    handlers,
    events,
    interruptRun: () => runs.interrupt(),
    warmConnection: () => {
      void connections.target(undefined).then((target) => withClient(target, async () => undefined)).catch(() => undefined);
    },
    close: async () => {
      // Connections first: the sandbox server stops after them.
      await releasePools();
      await connections.close();
      await scratchSandbox?.close();
    },
  };
}
