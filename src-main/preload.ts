// Runs sandboxed, before the page: exposes exactly one object, window.studio, and nothing else.
// Bundled as CommonJS with zod and the contract inside (a sandboxed preload cannot load node_modules).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, createStudioApi, StudioError, type Invoke, type RpcEnvelope, type StudioApi, type StudioEvent, type Subscribe } from './contract';
import { studioEventChannel } from './ipc/eventChannel';

const knownChannels = new Set<string>(channelNames);

const unknownChannel = (channel: string): RpcEnvelope<never> => ({
  ok: false,
  error: { code: 'not-found', message: `Unknown channel "${String(channel).slice(0, 100)}".`, hint: 'Use the methods of window.studio.' },
});

/** Only contract channels ever reach ipcRenderer: no raw passthrough, whatever the page passes in. */
const invoke: Invoke = (channel, input) =>
  knownChannels.has(channel) ? (ipcRenderer.invoke(channel, input) as Promise<RpcEnvelope<unknown>>) : Promise.resolve(unknownChannel(channel));

const subscribe: Subscribe = (listener) => {
  const forward = (_event: IpcRendererEvent, studioEvent: StudioEvent) => listener(studioEvent);
  ipcRenderer.on(studioEventChannel, forward);
  return () => {
    ipcRenderer.removeListener(studioEventChannel, forward);
  };
};

/**
 * contextBridge copies a thrown Error with its message only (custom properties are lost), so a
 * StudioError would reach the page without its code and hint. Reject with the plain error shape
 * instead: a plain object crosses whole, and the renderer reads it as it reads a StudioError.
 */
function rejectWithErrorShape(api: StudioApi): StudioApi {
  const methods = api as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  for (const domain of Object.values(methods)) {
    if (typeof domain !== 'object') continue;
    for (const [verb, call] of Object.entries(domain)) {
      domain[verb] = (input) => call(input).catch((error: unknown) => Promise.reject(error instanceof StudioError ? error.toJSON() : error));
    }
  }
  return api;
}

contextBridge.exposeInMainWorld('studio', rejectWithErrorShape(createStudioApi(channelNames, invoke, subscribe)));
