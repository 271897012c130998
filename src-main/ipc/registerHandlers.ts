import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, type RpcEnvelope } from '../contract';
import type { EventBus } from '../handlers/eventBus';
import type { Dispatch } from '../handlers/router';
import { isAppUrl, type AppLocation } from './appLocation';
import { studioEventChannel } from './eventChannel';

const forbidden: RpcEnvelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This call did not come from the PGM Studio window.', hint: 'Use the app window; embedded or foreign pages cannot call PGM Studio.' },
};

/** Only our own top-level page may call: not an iframe, not a page the window was tricked into loading. */
function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, location: AppLocation): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, location);
}

/**
 * One ipcMain.handle per contract channel, all through the same sender check and the router (which
 * validates input and never throws). Returns a function that removes them again.
 */
export function registerHandlers(dispatch: Dispatch, location: AppLocation, onDropped: (channel: string, url: string | null) => void = () => undefined): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, location)) {
        onDropped(channel, event.senderFrame?.url ?? null);
        return forbidden;
      }
      return dispatch(channel, input);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/** Push every studio event to a window's renderer; stops when the window's contents go away. */
export function forwardEvents(events: EventBus, contents: WebContents): () => void {
  const unsubscribe = events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(studioEventChannel, event);
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}
