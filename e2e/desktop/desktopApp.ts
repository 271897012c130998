import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Frame, Page, Route } from '@playwright/test';

// The desktop app as Electron runs it, without Electron: the BUILT main process (out/main/main.js) runs
// in a child Node process whose `electron` import is the stand-in in electronStandIn/, and each
// BrowserWindow it opens is a Chromium page here, loading out/renderer/index.html from file:// with the
// BUILT preload (out/preload/preload.cjs) evaluated first. IPC goes page -> binding -> child (invoke)
// and child -> page (webContents.send); both hops are structured clones.

const repoRoot = resolve(import.meta.dirname, '../..');
const standIn = resolve(import.meta.dirname, 'electronStandIn');
const builtMain = resolve(repoRoot, 'out/main/main.js');

/** Page-side names the stand-in uses; nothing of the app's own. */
const bindings = { invoke: '__electronStandInInvoke', deliver: '__electronStandInDeliver', exposedKeys: '__electronStandInExposedKeys' } as const;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.cjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

type OpenDialogAnswer = { canceled: boolean; filePaths: string[] };
type InvokeReply = { ok: true; value: unknown } | { ok: false; message: string };
type SenderFrame = { url: string; isTop: boolean; topUrl: string; origin: string };
type FromMain =
  | { type: 'window-created'; windowId: number; webPreferences: { preload?: string } }
  | { type: 'load'; id: number; windowId: number; url: string }
  | { type: 'send'; windowId: number; channel: string; args: unknown[] }
  | { type: 'open-dialog'; id: number; options: unknown }
  | { type: 'invoke-result' | 'headers-result' | 'permission-result'; id: number; result?: InvokeReply; value?: unknown }
  | { type: 'window-shown' | 'window-closed'; windowId: number }
  | { type: 'app-sandbox-enabled' };

export interface SentEvent {
  channel: string;
  args: unknown[];
  /** How many ipcRenderer listeners the page had for it (0: nobody was listening). */
  listeners: number;
}

export interface DesktopApp {
  /** The main window's page. */
  page: Page;
  context: BrowserContext;
  /** Every webContents.send, in order, with how many page listeners got it. */
  sentEvents: SentEvent[];
  /** Response headers the page got per file:// URL, after main's session hooks. */
  servedHeaders: Map<string, Record<string, string>>;
  /** The options of every dialog.showOpenDialog main opened; unanswered ones were cancelled. */
  openDialogs: unknown[];
  /** Whether main called app.enableSandbox(). */
  sandboxEnabled(): boolean;
  /** The answer the next dialog.showOpenDialog gets (else it is cancelled). */
  answerOpenDialog(answer: OpenDialogAnswer): void;
  /** An ipcRenderer.invoke as a frame other than the preload's would send it: straight to ipcMain. */
  invokeFrom(frame: Frame, channel: string, input: unknown): Promise<InvokeReply>;
  /** Everything the main process printed. */
  output(): string;
  /** Close the window as the operator would; resolves with main's exit code once it has quit. */
  close(): Promise<number | null>;
}

export interface DesktopAppOptions {
  /** PGM_STUDIO_DATA_DIR. */
  dataDir: string;
  /** The project's migrations folder; its parent is the project the app opens (PGM_STUDIO_PROJECT). */
  migrationsDir: string;
  /** XDG_CONFIG_HOME, so Electron's userData never points at the real home. */
  configHome: string;
  /** Slow machines: how long the window may take to show its page. */
  loadTimeoutMs?: number;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

/** `out/preload/preload.cjs` wrapped as a CommonJS module, run by the renderer stand-in before the page's scripts. */
async function preloadScript(preloadPath: string): Promise<string> {
  const [renderer, preload] = await Promise.all([readFile(resolve(standIn, 'rendererProcess.js'), 'utf8'), readFile(preloadPath, 'utf8')]);
  return `(() => {\n${renderer}\ninstallElectronRenderer(${JSON.stringify(bindings)}, function (require, module, exports) {\n${preload}\n});\n})();`;
}

export async function launchDesktopApp(browser: Browser, options: DesktopAppOptions): Promise<DesktopApp> {
  const { FORCE_COLOR: _color, ...env } = process.env; // Playwright's; the main process decides for itself
  const child = spawn(process.execPath, ['--import', pathToFileURL(resolve(standIn, 'register.mjs')).href, builtMain], {
    cwd: repoRoot,
    env: { ...env, PGM_STUDIO_DATA_DIR: options.dataDir, PGM_STUDIO_PROJECT: dirname(options.migrationsDir), XDG_CONFIG_HOME: options.configHome, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = exited(child);

  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const pages = new Map<number, Page>();
  const windowIds = new Map<Page, number>();
  const preloads = new Map<number, string | undefined>();
  const sentEvents: SentEvent[] = [];
  const servedHeaders = new Map<string, Record<string, string>>();
  const openDialogs: unknown[] = [];
  const dialogAnswers: OpenDialogAnswer[] = [];
  let sandboxEnabled = false;
  let delivery = Promise.resolve();

  let nextRequest = 1;
  const replies = new Map<number, (message: FromMain) => void>();
  const askMain = (message: Record<string, unknown>) =>
    new Promise<FromMain>((done, fail) => {
      if (!child.connected) return fail(new Error(`The main process is gone:\n${output}`));
      const id = nextRequest++;
      replies.set(id, done);
      child.send({ ...message, id });
    });
  const answerMain = (id: number, value: unknown) => child.connected && child.send({ type: 'answer', id, value });

  // ipcRenderer.invoke from any frame of any page of this app: main sees the frame as Electron reports it.
  await context.exposeBinding(bindings.invoke, async (source, channel: string, args: unknown[]) => {
    const frame: SenderFrame = { url: source.frame.url(), isTop: source.frame.parentFrame() === null, topUrl: source.page.mainFrame().url(), origin: new URL(source.frame.url()).origin };
    const reply = await askMain({ type: 'invoke', windowId: windowIds.get(source.page) ?? 0, channel, args, frame });
    // One pipe in Electron: what main sent before it replied reaches the page before the reply.
    await delivery;
    return (reply as { result: InvokeReply }).result;
  });

  // file:// through the session's onHeadersReceived, so the page gets the CSP main installs.
  await context.route(/^file:/, async (route: Route) => {
    const url = route.request().url();
    let body: Buffer;
    try {
      body = await readFile(fileURLToPath(url));
    } catch {
      return route.abort('failed');
    }
    const details = { url, method: route.request().method(), resourceType: route.request().resourceType(), responseHeaders: { 'Content-Type': [mimeTypes[extname(fileURLToPath(url))] ?? 'application/octet-stream'] } };
    const reply = (await askMain({ type: 'headers', details })) as { value: { cancel: boolean; responseHeaders?: Record<string, string[]> } };
    if (reply.value.cancel) return route.abort('blockedbyclient');
    const headers = Object.fromEntries(Object.entries(reply.value.responseHeaders ?? {}).map(([name, values]) => [name, values.join(', ')]));
    servedHeaders.set(url, headers);
    return route.fulfill({ status: 200, headers, body });
  });

  let resolveFirstPage: (page: Page) => void = () => undefined;
  let rejectFirstPage: (error: Error) => void = () => undefined;
  const firstPage = new Promise<Page>((done, fail) => {
    resolveFirstPage = done;
    rejectFirstPage = fail;
  });
  void exit.then((code) => rejectFirstPage(new Error(`The main process exited (${code}) before its window loaded:\n${output}`)));

  async function load(windowId: number, url: string): Promise<string | null> {
    try {
      let page = pages.get(windowId);
      if (!page) {
        page = await context.newPage();
        pages.set(windowId, page);
        windowIds.set(page, windowId);
        const preload = preloads.get(windowId);
        if (preload) await page.addInitScript({ content: await preloadScript(preload) });
        page.on('close', () => child.connected && child.send({ type: 'close-window', windowId }));
      }
      await page.goto(url, { waitUntil: 'load', timeout: options.loadTimeoutMs ?? 60_000 });
      if (windowId === 1) resolveFirstPage(page);
      return null;
    } catch (error) {
      return String(error);
    }
  }

  child.on('message', (message: FromMain) => {
    switch (message.type) {
      case 'window-created':
        preloads.set(message.windowId, message.webPreferences.preload);
        return;
      case 'load':
        void load(message.windowId, message.url).then((error) => answerMain(message.id, error ? { error } : {}));
        return;
      case 'send': {
        const page = pages.get(message.windowId);
        if (!page) return;
        // In order, one after the other, as Electron delivers them.
        delivery = delivery.then(async () => {
          const listeners = await page
            .evaluate(([deliver, channel, args]) => (globalThis as unknown as Record<string, (c: string, a: unknown[]) => number>)[deliver]?.(channel, args) ?? 0, [bindings.deliver, message.channel, message.args] as const)
            .catch(() => 0);
          sentEvents.push({ channel: message.channel, args: message.args, listeners });
        });
        return;
      }
      case 'open-dialog': {
        openDialogs.push(message.options);
        answerMain(message.id, dialogAnswers.shift() ?? { canceled: true, filePaths: [] });
        return;
      }
      case 'app-sandbox-enabled':
        sandboxEnabled = true;
        return;
      case 'window-closed':
        void pages.get(message.windowId)?.close().catch(() => undefined);
        return;
      case 'invoke-result':
      case 'headers-result':
      case 'permission-result': {
        const done = replies.get(message.id);
        replies.delete(message.id);
        done?.(message);
        return;
      }
    }
  });

  let page: Page;
  try {
    page = await firstPage;
  } catch (error) {
    child.kill('SIGKILL');
    await context.close();
    throw error;
  }

  return {
    page,
    context,
    sentEvents,
    servedHeaders,
    openDialogs,
    sandboxEnabled: () => sandboxEnabled,
    answerOpenDialog: (answer) => dialogAnswers.push(answer),
    invokeFrom: (frame, channel, input) =>
      frame.evaluate(([invoke, name, value]) => (globalThis as unknown as Record<string, (c: string, a: unknown[]) => Promise<InvokeReply>>)[invoke]!(name, [value]), [bindings.invoke, channel, input] as const),
    output: () => output,
    async close() {
      if (child.connected) for (const windowId of pages.keys()) child.send({ type: 'close-window', windowId });
      // Quitting stops the sandbox PostgreSQL first: give a slow machine time, then stop waiting.
      const force = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const code = await exit;
      clearTimeout(force);
      await context.close().catch(() => undefined);
      return code;
    },
  };
}
