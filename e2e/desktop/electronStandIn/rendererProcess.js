// The `electron` module as a sandboxed preload sees it (contextBridge, ipcRenderer), evaluated in the
// window's page before any of its scripts (the harness passes it to page.addInitScript with the built
// preload). A test fixture, not a reimplementation; what it keeps from Electron:
// - the preload runs in the top-level frame only (nodeIntegrationInSubFrames is off);
// - contextBridge.exposeInMainWorld copies the API: plain objects and arrays are copied (prototypes,
//   getters and symbols dropped) and frozen, functions are proxied (their arguments and results copied the same
//   way, promises included), and an Error keeps only its message: custom properties are lost;
// - ipcRenderer.invoke structured-clones its arguments (a function or a DOM node throws, as in
//   Electron) and goes to ipcMain through the harness's binding; a handler's failure rejects with
//   "Error invoking remote method '<channel>': ...".
// The copies are made in the page's own world (Playwright cannot run a preload in an isolated world).

/* global window */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the script desktopApp.ts wraps around this file
function installElectronRenderer(bindings, runPreload) {
  if (window.top !== window) return;
  const invokeMain = window[bindings.invoke];

  const bridged = (value, seen = new Map()) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (typeof value === 'function') {
      return function bridgedFunction(...args) {
        const result = value(...args.map((arg) => bridged(arg)));
        return result instanceof Promise ? result.then((v) => bridged(v), (e) => Promise.reject(bridged(e))) : bridged(result);
      };
    }
    if (value instanceof Promise) return value.then((v) => bridged(v), (e) => Promise.reject(bridged(e)));
    if (value instanceof Error) return new Error(value.message);
    if (seen.has(value)) return seen.get(value);
    const copy = Array.isArray(value) ? [] : {};
    seen.set(value, copy);
    for (const key of Object.keys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) copy[key] = bridged(descriptor.value, seen);
    }
    return Object.freeze(copy);
  };

  const listeners = new Map();
  const ipcRenderer = {
    invoke(channel, ...args) {
      let cloned;
      try {
        cloned = structuredClone(args);
      } catch (error) {
        return Promise.reject(new Error(`An object could not be cloned. (${error.message})`));
      }
      return invokeMain(String(channel), cloned).then((reply) => (reply.ok ? reply.value : Promise.reject(new Error(reply.message))));
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    once(channel, listener) {
      const once = (...args) => {
        ipcRenderer.removeListener(channel, once);
        listener(...args);
      };
      return ipcRenderer.on(channel, once);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    off(channel, listener) {
      return ipcRenderer.removeListener(channel, listener);
    },
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear();
      else listeners.delete(channel);
      return ipcRenderer;
    },
  };

  // webContents.send arrives here (harness -> page); each listener gets its own copy, as in Electron.
  Object.defineProperty(window, bindings.deliver, {
    value: (channel, args) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer, senderId: 0 }, ...structuredClone(args));
      return listeners.get(channel)?.size ?? 0;
    },
  });

  const exposed = new Set();
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (exposed.has(key) || key in window) throw new Error(`Cannot bind an API on top of an existing property on the window object (${key})`);
      exposed.add(key);
      Object.defineProperty(window, key, { value: bridged(api), enumerable: true });
    },
  };
  Object.defineProperty(window, bindings.exposedKeys, { value: () => [...exposed] });

  // A sandboxed preload's require() knows only a few modules; this one only needs electron.
  const require = (id) => {
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${id}`);
  };
  const module = { exports: {} };
  runPreload(require, module, module.exports);
}
