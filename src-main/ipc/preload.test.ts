import { describe, expect, it, vi } from 'vitest';
import { channelNames, type StudioApi, type StudioEvent } from '../contract';

type IpcListener = (event: unknown, payload: StudioEvent) => void;

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Set<IpcListener>>(),
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: IpcListener) => {
      const set = electron.listeners.get(channel) ?? new Set<IpcListener>();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: IpcListener) => electron.listeners.get(channel)?.delete(listener),
  },
}));

await import('../preload');
const studio = electron.exposed.get('studio') as StudioApi;
const camel = (verb: string) => verb.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
const emit = (event: StudioEvent) => electron.listeners.get('studio:event')?.forEach((listener) => listener({}, event));

describe('preload', () => {
  it('exposes exactly one key, studio', () => {
    expect([...electron.exposed.keys()]).toEqual(['studio']);
  });

  it('has one method per contract channel and subscribe, nothing else', () => {
    const expected: Record<string, string[]> = {};
    for (const name of channelNames) {
      const [domain, verb] = name.split('/') as [string, string];
      (expected[domain] ??= []).push(camel(verb));
    }
    const surface = studio as unknown as Record<string, unknown>;
    expect(Object.keys(surface).sort()).toEqual([...Object.keys(expected), 'subscribe'].sort());
    for (const [domain, verbs] of Object.entries(expected)) {
      const methods = surface[domain] as Record<string, unknown>;
      expect(Object.keys(methods).sort(), domain).toEqual([...verbs].sort());
      for (const verb of verbs) expect(typeof methods[verb]).toBe('function');
    }
  });

  it('invokes only the contract channel of the method called, and unwraps the envelope', async () => {
    await expect(studio.migrations.status({})).resolves.toEqual({ channel: 'migrations/status', input: {} });
    await expect(studio.connections.importUrl({ url: 'postgres://x@h/db' })).resolves.toMatchObject({ channel: 'connections/import-url' });
    expect(electron.invoke.mock.calls.map(([channel]) => channel)).toEqual(['migrations/status', 'connections/import-url']);
  });

  it('rejects an error envelope with the plain error shape, which contextBridge copies whole (an Error would lose code and hint)', async () => {
    electron.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'lock-held', message: 'busy', hint: 'wait' } } as never);
    const rejection = await studio.migrations.run({ selection: { direction: 'up' } }).catch((error: unknown) => error);
    expect(rejection).toEqual({ code: 'lock-held', message: 'busy', hint: 'wait' });
    expect(Object.getPrototypeOf(rejection)).toBe(Object.prototype);
  });

  it('delivers studio:event to subscribers until the returned function or the signal unsubscribes', () => {
    const byFunction = vi.fn();
    const bySignal = vi.fn();
    const controller = new AbortController();
    const unsubscribe = studio.subscribe(byFunction, { aborted: false } as AbortSignal); // what a signal looks like after contextBridge
    studio.subscribe(bySignal, controller.signal);
    emit({ type: 'connections-changed' });
    unsubscribe();
    controller.abort();
    emit({ type: 'connections-changed' });
    expect(byFunction).toHaveBeenCalledTimes(1);
    expect(bySignal).toHaveBeenCalledTimes(1);
    expect(electron.listeners.get('studio:event')?.size).toBe(0);
  });
});
