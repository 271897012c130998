// The `electron` module as the built main process sees it, for the desktop e2e tests (a test fixture,
// not a reimplementation). It runs in the child process that runs out/main/main.js and talks to the
// harness (desktopApp.ts) over Node's IPC channel with `serialization: 'advanced'`, i.e. V8's
// structured clone: what Electron cannot clone between processes (functions, class instances' methods)
// fails here too. The harness owns the Chromium page that stands in for each BrowserWindow.
//
// Covered, as Electron documents them: app (whenReady, getPath('userData'), getAppPath, isPackaged,
// getName, enableSandbox, quit with before-quit/will-quit/quit and preventDefault, window-all-closed,
// web-contents-created), BrowserWindow (loadFile/loadURL, ready-to-show, show, close, webContents.send,
// isDestroyed, destroyed, setWindowOpenHandler, will-navigate listeners), ipcMain.handle/removeHandler
// (with event.senderFrame as Electron reports it), session.defaultSession (webRequest.onHeadersReceived,
// setPermissionRequestHandler) and dialog.showOpenDialog (answered by the test).
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

if (typeof process.send !== 'function') throw new Error('The electron stand-in runs only as a child of the desktop test harness (it needs an IPC channel).');

const toHarness = (message) => process.send(message);
let nextRequest = 1;
const pending = new Map();
/** Ask the harness something and wait for its answer (matched by id). */
function ask(message) {
  const id = nextRequest++;
  return new Promise((done) => {
    pending.set(id, done);
    toHarness({ ...message, id });
  });
}

/** An event whose default can be prevented, as Electron passes to will-quit, will-navigate, ... */
const preventable = () => {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
};

// --- app -------------------------------------------------------------------------------------------

const appRoot = process.cwd(); // `electron .` from the repository: getAppPath() is the folder of package.json
const packageJson = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8'));

class App extends EventEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  #ready = new Promise((done) => setImmediate(() => {
    this.emit('ready');
    done();
  }));
  whenReady() {
    return this.#ready;
  }
  getName() {
    return packageJson.productName ?? packageJson.name;
  }
  getAppPath() {
    return appRoot;
  }
  getVersion() {
    return packageJson.version;
  }
  /** Linux's answer (the tests run on Linux): $XDG_CONFIG_HOME or ~/.config, plus the app's name. */
  getPath(name) {
    const appData = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
    if (name === 'appData') return appData;
    if (name === 'userData') return join(appData, this.getName());
    if (name === 'temp') return process.env.TMPDIR || '/tmp';
    if (name === 'home') return homedir();
    throw new Error(`electron stand-in: app.getPath('${name}') is not covered`);
  }
  enableSandbox() {
    this.sandboxEnabled = true;
    toHarness({ type: 'app-sandbox-enabled' });
  }
  quit() {
    const beforeQuit = preventable();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const window of BrowserWindow.getAllWindows()) window.destroy();
    const willQuit = preventable();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.emit('quit', preventable(), 0);
    process.exit(0);
  }
  exit(code = 0) {
    process.exit(code);
  }
}
export const app = new App();

// --- BrowserWindow / webContents --------------------------------------------------------------------

const windows = new Map();
let nextWindowId = 1;
let focusedWindowId = null;

class WebContents extends EventEmitter {
  #destroyed = false;
  windowOpenHandler = null;
  constructor(id) {
    super();
    this.id = id;
  }
  isDestroyed() {
    return this.#destroyed;
  }
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.emit('destroyed');
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  /** main -> renderer. Structured clone through the IPC channel; Electron throws on what it cannot clone, so does process.send. */
  send(channel, ...args) {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    toHarness({ type: 'send', windowId: this.id, channel, args });
  }
}

export class BrowserWindow extends EventEmitter {
  #destroyed = false;
  constructor(options = {}) {
    super();
    this.id = nextWindowId++;
    this.options = options;
    this.webContents = new WebContents(this.id);
    windows.set(this.id, this);
    const preload = options.webPreferences?.preload;
    if (preload && !existsSync(preload)) throw new Error(`electron stand-in: the preload ${preload} does not exist`);
    toHarness({ type: 'window-created', windowId: this.id, webPreferences: { ...options.webPreferences }, show: options.show !== false });
    app.emit('web-contents-created', preventable(), this.webContents);
  }
  static getAllWindows() {
    return [...windows.values()];
  }
  static fromId(id) {
    return windows.get(id) ?? null;
  }
  /** As Electron: the window that has focus (a shown window takes it), else null. */
  static getFocusedWindow() {
    return windows.get(focusedWindowId) ?? null;
  }
  loadFile(filePath, options = {}) {
    const url = pathToFileURL(resolve(appRoot, filePath));
    if (options.hash) url.hash = options.hash;
    return this.loadURL(url.href);
  }
  async loadURL(url) {
    const result = await ask({ type: 'load', windowId: this.id, url });
    if (result.error) throw new Error(result.error);
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }
  show() {
    focusedWindowId = this.id;
    toHarness({ type: 'window-shown', windowId: this.id });
  }
  focus() {
    focusedWindowId = this.id;
  }
  isFocused() {
    return focusedWindowId === this.id;
  }
  isDestroyed() {
    return this.#destroyed;
  }
  /** The operator closed the window (or the app quit): close, closed, contents destroyed, maybe window-all-closed. */
  close() {
    const close = preventable();
    this.emit('close', close);
    if (!close.defaultPrevented) this.destroy();
  }
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    windows.delete(this.id);
    if (focusedWindowId === this.id) focusedWindowId = null;
    this.webContents.destroy();
    this.emit('closed');
    toHarness({ type: 'window-closed', windowId: this.id });
    if (windows.size === 0) app.emit('window-all-closed');
  }
}

// --- ipcMain ----------------------------------------------------------------------------------------

const handlers = new Map();
export const ipcMain = {
  handle(channel, handler) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  },
  removeHandler(channel) {
    handlers.delete(channel);
  },
};

/** What Electron's invoke event carries: the sender frame (url, parent/top) and the sender. */
function invokeEvent(windowId, frame) {
  const top = { url: frame.topUrl, parent: null };
  const senderFrame = frame.isTop ? top : { url: frame.url, parent: top };
  senderFrame.top = top;
  senderFrame.origin = frame.origin;
  return { senderFrame, sender: windows.get(windowId)?.webContents ?? null, processId: process.pid, frameId: frame.isTop ? 1 : 2 };
}

async function runHandler({ windowId, channel, args, frame }) {
  const handler = handlers.get(channel);
  if (!handler) return { ok: false, message: `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'` };
  try {
    return { ok: true, value: await handler(invokeEvent(windowId, frame), ...args) };
  } catch (error) {
    return { ok: false, message: `Error invoking remote method '${channel}': ${String(error)}` };
  }
}

// --- session ----------------------------------------------------------------------------------------

let onHeadersReceived = null;
let permissionHandler = null;
export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(filterOrListener, maybeListener) {
        onHeadersReceived = maybeListener ?? filterOrListener;
      },
    },
    setPermissionRequestHandler(handler) {
      permissionHandler = handler;
    },
  },
};

/** Response headers after the session's onHeadersReceived listener, as the page will get them. */
function responseHeaders(details) {
  if (!onHeadersReceived) return Promise.resolve({ responseHeaders: details.responseHeaders });
  return new Promise((done) =>
    onHeadersReceived(details, (response) => done({ responseHeaders: response.cancel ? undefined : (response.responseHeaders ?? details.responseHeaders), cancel: response.cancel === true })),
  );
}

function permission(name) {
  if (!permissionHandler) return Promise.resolve(true); // Electron grants by default
  return new Promise((done) => permissionHandler(null, name, done));
}

// --- dialog -----------------------------------------------------------------------------------------

export const dialog = {
  /** Answered by the test (harness.answerOpenDialog); `window` may be omitted, as in Electron. */
  async showOpenDialog(windowOrOptions, maybeOptions) {
    const options = maybeOptions ?? windowOrOptions;
    return ask({ type: 'open-dialog', options: JSON.parse(JSON.stringify(options ?? {})) });
  },
};

// --- the harness's requests -------------------------------------------------------------------------

process.on('message', (message) => {
  switch (message.type) {
    case 'answer': {
      const done = pending.get(message.id);
      pending.delete(message.id);
      done?.(message.value);
      return;
    }
    case 'invoke':
      void runHandler(message).then((result) => {
        try {
          toHarness({ type: 'invoke-result', id: message.id, result });
        } catch (error) {
          // As Electron: a reply that cannot be cloned rejects the renderer's invoke.
          toHarness({ type: 'invoke-result', id: message.id, result: { ok: false, message: `Error invoking remote method '${message.channel}': ${String(error)}` } });
        }
      });
      return;
    case 'headers':
      void responseHeaders(message.details).then((value) => toHarness({ type: 'headers-result', id: message.id, value }));
      return;
    case 'permission':
      void permission(message.name).then((granted) => toHarness({ type: 'permission-result', id: message.id, granted }));
      return;
    case 'close-window':
      BrowserWindow.fromId(message.windowId)?.close();
      return;
    case 'quit':
      app.quit();
      return;
  }
});
// The harness went away: behave like a killed Electron, do not linger.
process.on('disconnect', () => process.exit(0));

export default { app, BrowserWindow, ipcMain, session, dialog };
