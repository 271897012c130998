// Runs sandboxed, before the page: exposes exactly one object, window.studio, and nothing else.
// Bundled as CommonJS with zod and the contract inside (a sandboxed preload cannot load node_modules).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, createStudioApi, type Invoke, type RpcEnvelope, type StudioEvent, type Subscribe } from './contract';
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

contextBridge.exposeInMainWorld('studio', createStudioApi(channelNames, invoke, subscribe));
