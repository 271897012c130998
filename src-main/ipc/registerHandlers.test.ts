import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../contract';
import { createStudio } from '../handlers/createStudio';
import { createEventBus } from '../handlers/eventBus';
import { createRouter } from '../handlers/router';

type Handler = (event: { senderFrame: { url: string; parent: unknown } | null }, input: unknown) => Promise<unknown>;

const electron = vi.hoisted(() => ({ handlers: new Map<string, Handler>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      if (electron.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      electron.handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

const { forwardEvents, registerHandlers } = await import('./registerHandlers');

const indexPath = '/opt/pgm-studio/out/renderer/index.html';
const appPage = pathToFileURL(indexPath).href;
const topFrame = (url: string) => ({ url, parent: null });

async function registered(location: Parameters<typeof registerHandlers>[1] = { kind: 'file', indexPath }) {
  const studio = createStudio({ dataDir: await mkdtemp(join(tmpdir(), 'pgm-ipc-')), databaseUrl: 'postgres://u:pw@127.0.0.1:1/db', door: 'electron', log: () => undefined });
  const router = createRouter(studio.handlers, () => undefined);
  const dispatch = vi.fn(router.dispatch);
  const dropped = vi.fn();
  const dispose = registerHandlers(dispatch, location, dropped);
  const call = (channel: string, senderFrame: { url: string; parent: unknown } | null, input: unknown = {}) => {
    const handler = electron.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame }, input);
  };
  return { dispatch, dropped, dispose, call };
}

describe('registerHandlers', () => {
  beforeEach(() => electron.handlers.clear());

  it('registers exactly one handler per contract channel, and removes them all', async () => {
    const { dispose } = await registered();
    expect([...electron.handlers.keys()].sort()).toEqual([...channelNames].sort());
    dispose();
    expect(electron.handlers.size).toBe(0);
  });

  it('passes a call from our top-level page to the router (which validates the input)', async () => {
    const { call, dispatch } = await registered();
    const envelope = await call('migrations/run', topFrame(`${appPage}#/timeline`), { selection: { direction: 'sideways' } });
    expect(dispatch).toHaveBeenCalledWith('migrations/run', { selection: { direction: 'sideways' } });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await expect(call('connections/delete', topFrame(appPage), { id: 'database-url' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('drops a call from a subframe of our own page', async () => {
    const { call, dispatch, dropped } = await registered();
    const envelope = await call('migrations/run', { url: appPage, parent: topFrame(appPage) }, { selection: { direction: 'up' } });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(dropped).toHaveBeenCalledWith('migrations/run', appPage);
  });

  it('drops a call from a foreign top-level page, another local file, or a destroyed frame', async () => {
    const { call, dispatch } = await registered();
    for (const frame of [topFrame('https://evil.example/'), topFrame('file:///tmp/evil.html'), topFrame('about:blank'), null]) {
      await expect(call('migrations/status', frame)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('with the dev server, trusts only its origin', async () => {
    const { call, dispatch } = await registered({ kind: 'dev-server', url: 'http://localhost:5173' });
    await expect(call('migrations/status', topFrame('http://localhost:5174/'))).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(call('migrations/status', topFrame(appPage))).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
    await call('migrations/run', topFrame('http://localhost:5173/'), {});
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('forwardEvents', () => {
  it('sends every event on studio:event until the contents are destroyed', () => {
    const events = createEventBus();
    let destroyed = false;
    let onDestroyed = () => undefined as void;
    const contents = { isDestroyed: () => destroyed, send: vi.fn(), once: (_name: string, listener: () => void) => (onDestroyed = listener) };
    forwardEvents(events, contents as never);
    events.emit({ type: 'connections-changed' });
    expect(contents.send).toHaveBeenCalledWith('studio:event', { type: 'connections-changed' });
    destroyed = true;
    onDestroyed();
    events.emit({ type: 'connections-changed' });
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
