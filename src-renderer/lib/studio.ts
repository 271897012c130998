import { channelNames, createStudioApi, type StudioApi } from '../../src-main/contract';
import { httpInvoke, httpSubscribe } from './httpTransport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in server mode. */
    studio?: StudioApi;
  }
}

/** The one typed client: the preload's in Electron, HTTP + SSE in a browser. */
export const studio: StudioApi = window.studio ?? createStudioApi(channelNames, httpInvoke, httpSubscribe);
