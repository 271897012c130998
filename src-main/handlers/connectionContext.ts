import { adHocConnectionId, StudioError, type ConnectionList, type ConnectionSummary } from '../contract';
import { openConnectionStore, type ConnectionStore, type ConnectionStoreOptions } from '../core/connections';
import type { DatabaseTarget } from '../core/migrations';
import { adHocConnection, type AdHocConnection } from './adHocConnection';
import { markProductionMatches } from './productionGuard';

export interface ConnectionContextOptions {
  dataDir: string;
  /** A connection given on the command line: current until the operator selects another. */
  databaseUrl?: string;
  progress?: Pick<ConnectionStoreOptions, 'onProgress' | 'onLog'>;
}

/**
 * Which database a request talks to: the --database-url connection while it is selected, else the
 * connection store's current one (the sandbox on a fresh data folder). The store opens on first use,
 * so a door that never touches a database never starts the sandbox.
 */
export function createConnectionContext(options: ConnectionContextOptions) {
  const adHoc: AdHocConnection | null = options.databaseUrl ? adHocConnection(options.databaseUrl) : null;
  let adHocSelected = adHoc !== null;
  let opening: Promise<ConnectionStore> | null = null;

  const store = (): Promise<ConnectionStore> => {
    opening ??= openConnectionStore({ ...options.progress, dataDir: options.dataDir, sandbox: adHoc === null }).catch((error: unknown) => {
      opening = null; // let the next request retry (e.g. after the operator fixed the data folder)
      throw error;
    });
    return opening;
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

  return {
    adHoc,
    store,
    refuseAdHoc,
    /** The store's list with the --database-url entry first (it is never persisted), production matches marked. */
    async list(): Promise<ConnectionList> {
      const saved = await (await store()).list();
      const connections = markProductionMatches(adHoc ? [adHoc.summary, ...saved.connections] : saved.connections);
      return { ...saved, connections, currentId: adHoc && adHocSelected ? adHocConnectionId : saved.currentId };
    },
    async select(id: string): Promise<ConnectionList> {
      if (id === adHocConnectionId) {
        if (!adHoc) throw noAdHocGiven();
        adHocSelected = true;
      } else {
        await (await store()).select(id);
        adHocSelected = false;
      }
      return this.list();
    },
    /** The entry a call works on (default: the current one) and how to connect to it. */
    async resolve(connectionId?: string): Promise<{ connection: ConnectionSummary; target: DatabaseTarget }> {
      if (adHoc && (connectionId === adHocConnectionId || (connectionId === undefined && adHocSelected))) return { connection: adHoc.summary, target: adHoc.target };
      if (connectionId === adHocConnectionId) throw noAdHocGiven();
      const { profile, target } = await (await store()).resolve(connectionId);
      return { connection: profile, target };
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
