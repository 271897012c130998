import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { appUrl, isAppUrl, type AppLocation } from './appLocation';

function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    title: 'PGM Studio',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * No new windows, no navigation away from the app, no <webview>: the renderer can only ever show
 * our own page. Applied to every web contents the app creates, not just the main window.
 */
export function lockDownWebContents(contents: WebContents, location: AppLocation): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, location)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(location: AppLocation, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  lockDownWebContents(window.webContents, location);
  window.once('ready-to-show', () => window.show());
  void (location.kind === 'file' ? window.loadFile(location.indexPath) : window.loadURL(appUrl(location)));
  return window;
}
