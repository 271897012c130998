import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: { preventDefault(): void }, url: string) => void;

const electron = vi.hoisted(() => {
  const created: { options: Record<string, unknown>; window: FakeWindow }[] = [];
  class FakeContents {
    listeners = new Map<string, Listener>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
      return this;
    }
  }
  class FakeWindow {
    webContents = new FakeContents();
    loadFile = vi.fn(async () => undefined);
    loadURL = vi.fn(async () => undefined);
    once = vi.fn();
    show = vi.fn();
    constructor(options: Record<string, unknown>) {
      created.push({ options, window: this });
    }
  }
  return { created, FakeWindow };
});
vi.mock('electron', () => ({ BrowserWindow: electron.FakeWindow }));

const { createMainWindow } = await import('./mainWindow');

const indexPath = '/opt/pgm-studio/out/renderer/index.html';
const fileApp = { kind: 'file', indexPath } as const;

function navigate(listener: Listener | undefined, url: string): boolean {
  let blocked = false;
  listener?.({ preventDefault: () => (blocked = true) }, url);
  return blocked;
}

describe('createMainWindow', () => {
  beforeEach(() => electron.created.splice(0));

  it('opens the window isolated, sandboxed, without Node, with web security on', () => {
    createMainWindow(fileApp, '/opt/pgm-studio/out/preload/preload.cjs');
    const options = electron.created[0]?.options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/pgm-studio/out/preload/preload.cjs',
    });
    expect(electron.created[0]?.window.loadFile).toHaveBeenCalledWith(indexPath);
  });

  it('denies every window.open', () => {
    createMainWindow(fileApp, '/p.cjs');
    const contents = electron.created[0]?.window.webContents;
    for (const url of ['https://evil.example/', pathToFileURL(indexPath).href, 'about:blank']) {
      expect(contents?.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('blocks navigation and redirects away from the app file, allows the app itself', () => {
    createMainWindow(fileApp, '/p.cjs');
    const listeners = electron.created[0]?.window.webContents.listeners;
    for (const name of ['will-navigate', 'will-redirect']) {
      expect(navigate(listeners?.get(name), 'https://evil.example/phish'), name).toBe(true);
      expect(navigate(listeners?.get(name), 'file:///etc/passwd'), name).toBe(true);
      expect(navigate(listeners?.get(name), `${pathToFileURL(indexPath).href}#/timeline`), name).toBe(false);
    }
    expect(navigate(listeners?.get('will-attach-webview'), 'https://evil.example/')).toBe(true);
  });

  it('with the dev server, allows only its origin', () => {
    createMainWindow({ kind: 'dev-server', url: 'http://localhost:5173/' }, '/p.cjs');
    const window = electron.created[0]?.window;
    expect(window?.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    const willNavigate = window?.webContents.listeners.get('will-navigate');
    expect(navigate(willNavigate, 'http://localhost:5173/settings')).toBe(false);
    expect(navigate(willNavigate, 'http://localhost:5174/')).toBe(true);
    expect(navigate(willNavigate, 'http://localhost.evil.example:5173/')).toBe(true);
  });
});
