import { adHocConnectionId, StudioError, type ConnectionList, type ConnectionSummary } from '../contract';
import { openConnectionStore, type ConnectionStore, type ConnectionStoreOptions } from '../core/connections';
import type { DatabaseTarget } from '../core/database';
import { adHocConnection, type AdHocConnection } from './adHocConnection';
import { markProductionMatches } from './productionGuard';

/** What the connection context needs to know about the open project. */
export interface ProjectConnectionInfo {
  /** The project's real path: saved connections belong to it. */
  root: string;
  /** The project's own DATABASE_URL (.env, config), unmasked, and where it came from. */
  databaseUrl?: string;
  databaseUrlSource?: string;
}

export interface ConnectionContextOptions {
  dataDir: string;
  /** A connection given on the command line: current until the operator selects another. */
  databaseUrl?: string;
  progress?: Pick<ConnectionStoreOptions, 'onProgress' | 'onLog'>;
  /** The open project, read per call; undefined when it cannot be read (connections still work then). */
  project?: () => Promise<ProjectConnectionInfo | undefined>;
}

/**
 * Which database a request talks to: the --database-url connection (else the project's own
 * DATABASE_URL) while it is selected, else the connection store's current one (the sandbox on a fresh
 * data folder). Saved connections belong to the project they were saved in; the list shows the open
 * project's, plus the sandbox, the session's URL and connections saved before projects existed.
 * The store opens on first use, so a door that never touches a database never starts the sandbox.
 */
export function createConnectionContext(options: ConnectionContextOptions) {
  const explicit: AdHocConnection | null = options.databaseUrl ? adHocConnection(options.databaseUrl) : null;
  let fromProject: { url: string; entry: AdHocConnection } | null = null;
  let adHocSelected = explicit !== null;
  let opening: Promise<ConnectionStore> | null = null;
  const adHoc = () => explicit ?? fromProject?.entry ?? null;

  const store = (): Promise<ConnectionStore> => {
    opening ??= openConnectionStore({ ...options.progress, dataDir: options.dataDir, sandbox: explicit === null }).catch((error: unknown) => {
      opening = null; // let the next request retry (e.g. after the operator fixed the data folder)
      throw error;
    });
    return opening;
  };

  /** Follow the open project: its root, and its DATABASE_URL as the session entry when no --database-url was given. */
  const syncProject = async (): Promise<string | undefined> => {
    const project = await options.project?.().catch(() => undefined);
    if (!explicit && project?.databaseUrl !== fromProject?.url) {
      let entry: AdHocConnection | null = null;
      try {
        entry = project?.databaseUrl ? adHocConnection(project.databaseUrl) : null;
      } catch {
        entry = null; // a malformed URL in .env: the project panel still shows it; the list goes without it
      }
      fromProject = entry && project?.databaseUrl
        ? { url: project.databaseUrl, entry: { ...entry, summary: { ...entry.summary, name: `DATABASE_URL from ${project.databaseUrlSource ?? 'the project'}` } } }
        : null;
      // A project's own database is where its timeline is: current until the operator picks another.
      adHocSelected = fromProject !== null;
    }
    return project?.root;
  };

  const noAdHocGiven = () => new StudioError('not-found', 'No DATABASE_URL connection was given to this session.', { hint: 'Pick one of the listed connections.' });

  /** Saving over or deleting the session-only entry is refused: it is not in the store. */
  const refuseAdHoc = (id: string | undefined, action: string) => {
    if (id === adHocConnectionId) {
      throw new StudioError('invalid-input', `The DATABASE_URL connection cannot be ${action}: it exists only for this session.`, {
        hint: 'Use "Import from DATABASE_URL" to save it as a connection.',
      });
    }
  };

  const list = async (): Promise<ConnectionList> => {
    const root = await syncProject();
    const saved = await (await store()).list();
    const session = adHoc();
    // Production matches are marked against every saved connection, not only this project's: the guard follows the database.
    const marked = markProductionMatches(session ? [session.summary, ...saved.connections] : saved.connections);
    const shown = session ? marked.slice(1) : marked;
    const mine = shown.filter((c) => c.isSandbox || !c.project || c.project === root);
    let currentId = session && adHocSelected ? adHocConnectionId : saved.currentId;
    // The store's current connection may belong to another project: then the session's URL, else the
    // sandbox; never silently one of this project's saved connections (the operator chooses those).
    if (currentId !== adHocConnectionId && !mine.some((c) => c.id === currentId)) {
      currentId = session ? adHocConnectionId : (mine.find((c) => c.isSandbox)?.id ?? null);
    }
    return { ...saved, connections: session ? [marked[0]!, ...mine] : mine, currentId };
  };

  return {
    get adHoc() {
      return adHoc();
    },
    store,
    refuseAdHoc,
    /** The open project's key for a connection saved now (undefined: the project cannot be read). */
    projectKey: syncProject,
    list,
    async select(id: string): Promise<ConnectionList> {
      await syncProject();
      if (id === adHocConnectionId) {
        if (!adHoc()) throw noAdHocGiven();
        adHocSelected = true;
      } else {
        await (await store()).select(id);
        adHocSelected = false;
      }
      return list();
    },
    /** The entry a call works on (default: the current one of the open project) and how to connect to it. */
    async resolve(connectionId?: string): Promise<{ connection: ConnectionSummary; target: DatabaseTarget }> {
      const root = await syncProject();
      const session = adHoc();
      if (connectionId === adHocConnectionId || (connectionId === undefined && session && adHocSelected)) {
        if (!session) throw noAdHocGiven();
        return { connection: session.summary, target: await session.target() };
      }
      const resolved = await (await store()).resolve(connectionId);
      // The store's current connection belongs to another project: this project's current one, as listed.
      if (connectionId === undefined && resolved.profile.project && resolved.profile.project !== root) {
        const { currentId } = await list();
        if (currentId === adHocConnectionId && session) return { connection: session.summary, target: await session.target() };
        const mine = await (await store()).resolve(currentId ?? undefined);
        return { connection: mine.profile, target: mine.target };
      }
      return { connection: resolved.profile, target: resolved.target };
    },
    async target(connectionId?: string): Promise<DatabaseTarget> {
      return (await this.resolve(connectionId)).target;
    },
    async close(): Promise<void> {
      const pending = opening;
      opening = null;
      if (pending) await (await pending.catch(() => null))?.close();
    },
  };
}
export type ConnectionContext = ReturnType<typeof createConnectionContext>;
