import type { ChannelName, Invoke, RpcEnvelope, StudioEvent, Subscribe } from '../../src-main/contract';

/** Raised when the event stream drops (`detail.connected` false) and when it is back (true); EventSource retries by itself. */
export const liveUpdatesEvent = 'pgm-studio:live-updates';
const announceLiveUpdates = (connected: boolean) => window.dispatchEvent(new CustomEvent(liveUpdatesEvent, { detail: { connected } }));

/** Raised to the shell when the server answers 401: the per-launch session cookie is gone or stale. */
export const sessionExpiredEvent = 'pgm-studio:session-expired';

const sessionExpired: RpcEnvelope<never> = {
  ok: false,
  error: {
    code: 'auth-failed',
    message: 'Your session has expired.',
    hint: 'Open the URL printed by pgm-studio serve again.',
    // The shell shows a banner for this; see notifyError.
    detail: { sessionExpired: true },
  },
};

function transportFailure(message: string): RpcEnvelope<never> {
  return { ok: false, error: { code: 'internal', message, hint: 'Check that `pgm-studio serve` is still running, then reload the page.' } };
}

/** POST /rpc/<channel>: the auth cookie travels by itself, the UI never sees a token. */
async function post(channel: ChannelName, input: unknown): Promise<RpcEnvelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return transportFailure('The PGM Studio server cannot be reached.');
  }
  if (response.status === 401) return sessionExpired;
  try {
    return (await response.json()) as RpcEnvelope<unknown>;
  } catch {
    return transportFailure(`The server answered ${response.status} without a readable body.`);
  }
}

const callKey = (channel: ChannelName, input: unknown) => `${channel} ${JSON.stringify(input ?? {})}`;
const prefetched = new Map<string, Promise<RpcEnvelope<unknown>>>();

/** Sends a call now (before the app is loaded); the app's first identical call takes this answer. */
export function prefetch(channel: ChannelName, input: unknown): Promise<RpcEnvelope<unknown>> {
  const call = post(channel, input);
  prefetched.set(callKey(channel, input), call);
  return call;
}

export const httpInvoke: Invoke = async (channel: ChannelName, input: unknown) => {
  const key = callKey(channel, input);
  const early = prefetched.get(key);
  prefetched.delete(key);
  const envelope = await (early ?? post(channel, input));
  // Announced when the app receives it, so the shell is there to show the banner.
  if (envelope === sessionExpired) window.dispatchEvent(new Event(sessionExpiredEvent));
  return envelope;
};

/** One EventSource for the whole page, fanned out to every listener. */
const listeners = new Set<(event: StudioEvent) => void>();
let source: EventSource | null = null;

function openSource(): EventSource {
  const next = new EventSource('/events', { withCredentials: true });
  next.onmessage = (message: MessageEvent<string>) => {
    let event: StudioEvent;
    try {
      event = JSON.parse(message.data) as StudioEvent;
    } catch {
      return; // A malformed frame must not break the stream for the others.
    }
    for (const listener of listeners) listener(event);
  };
  next.onopen = () => announceLiveUpdates(true);
  next.onerror = () => announceLiveUpdates(false);
  return next;
}

export const httpSubscribe: Subscribe = (listener) => {
  listeners.add(listener);
  source ??= openSource();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
};
