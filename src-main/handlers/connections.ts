import { adHocConnectionId, type ChannelName, type Handlers } from '../contract';
import type { ConnectionContext } from './connectionContext';
import type { EventBus } from './eventBus';

type ConnectionsChannel = Extract<ChannelName, `connections/${string}`>;

/** connections/* bound to the connection store; every change is announced so every window refreshes. */
export function connectionsHandlers(connections: ConnectionContext, events: EventBus): Pick<Handlers, ConnectionsChannel> {
  const changed = <T>(value: T): T => {
    events.emit({ type: 'connections-changed' });
    return value;
  };
  return {
    'connections/list': () => connections.list(),
    'connections/save': async (input) => {
      connections.refuseAdHoc(input.profile.id, 'edited');
      return changed(await (await connections.store()).save(input));
    },
    'connections/delete': async ({ id }) => {
      connections.refuseAdHoc(id, 'deleted');
      return changed(await (await connections.store()).delete(id));
    },
    'connections/import-url': async (input) => changed(await (await connections.store()).importUrl(input)),
    'connections/select': async ({ id }) => changed(await connections.select(id)),
    'connections/test': async (input) => {
      const store = await connections.store();
      if (input.id !== adHocConnectionId || !connections.adHoc) return store.test(input);
      // Test the session-only URL through the same code path, as an unsaved profile plus its password.
      const { summary, password } = connections.adHoc;
      const { id: _id, passwordSource: _source, isSandbox: _sandbox, ...profile } = summary;
      return store.test({ profile, schema: input.schema, ...(password ? { password } : {}) });
    },
  };
}
