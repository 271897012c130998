import type { BackupEvent } from './backups';
import type { MigrationEvent } from './migrations';
import type { RollbackEvent } from './rollback';
import type { StudioErrorShape } from './errors';
import { StudioError } from './errors';
import type { ChannelName, InputOf, OutputOf } from './index';

/** What crosses a transport: never a thrown Error (Electron IPC drops its fields), always this. */
export type RpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: StudioErrorShape };

/** Events pushed from the main process / server to the UI. */
export type StudioEvent = MigrationEvent | BackupEvent | RollbackEvent | { type: 'connections-changed' } | { type: 'project-changed' };

const migrationEventTypes: ReadonlySet<string> = new Set<MigrationEvent['type']>(['run-started', 'migration-started', 'migration-outside-transaction', 'migration-finished', 'migration-failed', 'log', 'run-activity', 'run-finished']);

/** A run's event (not a backup's, a rollback's or a list change). */
export function isMigrationEvent(event: StudioEvent): event is MigrationEvent {
  return migrationEventTypes.has(event.type);
}

type Domain<K> = K extends `${infer D}/${string}` ? D : never;
type VerbOf<K, D extends string> = K extends `${D}/${infer V}` ? V : never;
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;
type ChannelFor<D extends string, V extends string> = `${D}/${V}` & ChannelName;

/**
 * The renderer's API, derived from the contract: `studio.migrations.status({})`,
 * `studio.connections.importUrl({url})`, ... One method per channel, nothing else.
 */
export type StudioApi = {
  [D in Domain<ChannelName>]: {
    [V in VerbOf<ChannelName, D> as Camel<V>]: (input: InputOf<ChannelFor<D, V>>) => Promise<OutputOf<ChannelFor<D, V>>>;
  };
} & {
  /**
   * Subscribe to events; aborting the signal, or calling the returned function, unsubscribes.
   * In Electron only the returned function works: an AbortSignal cannot cross the contextBridge
   * (it arrives as a plain object), so call both in a cleanup.
   */
  subscribe(listener: (event: StudioEvent) => void, signal: AbortSignal): () => void;
};

export type Invoke = (channel: ChannelName, input: unknown) => Promise<RpcEnvelope<unknown>>;
/** Returns an unsubscribe function: transports cannot carry an AbortSignal across (contextBridge clones). */
export type Subscribe = (listener: (event: StudioEvent) => void) => () => void;

function camel(verb: string): string {
  return verb.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

export function unwrap<T>(envelope: RpcEnvelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new StudioError(envelope.error.code, envelope.error.message, { hint: envelope.error.hint, detail: envelope.error.detail });
}

/** Build the typed API over any transport. */
export function createStudioApi(channels: readonly ChannelName[], invoke: Invoke, subscribe: Subscribe): StudioApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of channels) {
    const [domain, verb] = name.split('/') as [string, string];
    api[domain] ??= {};
    api[domain][camel(verb)] = async (input: unknown) => unwrap(await invoke(name, input ?? {}));
  }
  return Object.assign(api, {
    subscribe(listener: (event: StudioEvent) => void, signal: AbortSignal) {
      if (signal?.aborted) return () => undefined;
      const unsubscribe = subscribe(listener);
      // Tolerate a signal-shaped copy (contextBridge strips the prototype): the returned function still works.
      if (typeof signal?.addEventListener === 'function') signal.addEventListener('abort', unsubscribe, { once: true });
      return unsubscribe;
    },
  }) as unknown as StudioApi;
}
