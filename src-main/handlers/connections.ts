import { adHocConnectionId, type ChannelName, type Handlers } from '../contract';
import { testConnection } from '../core/connections';
import type { ConnectionContext } from './connectionContext';
import type { EventBus } from './eventBus';

type ConnectionsChannel = Extract<ChannelName, `connections/${string}`>;

/** connections/* bound to the connection store; every change is announced so every window refreshes. */
export function connectionsHandlers(connections: ConnectionContext, events: EventBus, projectSchema: () => Promise<string>): Pick<Handlers, ConnectionsChannel> {
  const changed = <T>(value: T): T => {
    events.emit({ type: 'connections-changed' });
    return value;
  };
  return {
    'connections/list': () => connections.list(),
    'connections/save': async (input) => {
      connections.refuseAdHoc(input.profile.id, 'edited');
      return changed(await (await connections.store()).save(input, await connections.projectKey()));
    },
    'connections/delete': async ({ id }) => {
      connections.refuseAdHoc(id, 'deleted');
      return changed(await (await connections.store()).delete(id));
    },
    'connections/import-url': async (input) => changed(await (await connections.store()).importUrl(input, await connections.projectKey())),
    'connections/select': async ({ id }) => changed(await connections.select(id)),
    'connections/test': async (input) => {
      // "The target schema": the project's, unless the caller names another.
      const schema = input.schema ?? (await projectSchema());
      // The session-only URL is tested exactly as runs connect: the raw URL, not a profile rebuilt from it.
      if (input.id === adHocConnectionId && connections.adHoc) return testConnection(await connections.adHoc.target(), schema);
      return (await connections.store()).test({ ...input, schema });
    },
  };
}
