import { existsSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channelNames, type StudioApi, type StudioEvent } from '../../src-main/contract';
import { contentSecurityPolicy } from '../../src-main/server/contentSecurityPolicy';
import { sample, saveScreenshot, timeline } from '../support/timeline';
import { expect, test } from './desktopTest';

// The desktop door end to end: the built main process and preload, the renderer from file:// under
// main's CSP, IPC both ways, the sandbox PostgreSQL the app starts itself. See desktopApp.ts.

// Generous: each test's app initialises its own sandbox cluster, and CI machines are ~3x slower.
test.describe.configure({ timeout: 300_000 });

/** The page's globals, typed for page.evaluate (this project compiles without the DOM lib). */
type PageGlobals = { studio?: StudioApi; __electronStandInExposedKeys: () => string[] };

const appLoaded = { timeout: 180_000 }; // the first launch initialises the sandbox cluster

test('the first screen is the sandbox timeline, loaded from file:// under the CSP main installs', async ({ desktop }, testInfo) => {
  const { app } = desktop;
  const page = app.page;
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
  const t = timeline(page);
  await expect(t.rows).toHaveCount(3);
  await t.expectStates({ [sample.first]: 'pending', [sample.second]: 'pending', [sample.third]: 'pending' });
  await expect(page.getByTestId('server-version')).toContainText('PostgreSQL 15');
  await saveScreenshot(page, testInfo, 'first-screen');

  // From the built file, with main's CSP header on the page and on every script it loaded.
  const index = pathToFileURL(join(import.meta.dirname, '../../out/renderer/index.html')).href;
  expect(page.url()).toBe(index);
  expect(app.servedHeaders.get(index)?.['Content-Security-Policy']).toBe(contentSecurityPolicy);
  const scripts = [...app.servedHeaders.keys()].filter((url) => url.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(app.servedHeaders.get(script)?.['Content-Security-Policy'], script).toBe(contentSecurityPolicy);
  expect(violations, 'the app itself ran into the CSP').toEqual([]);
  // ... and it is in force: an inline script the page adds does not run, and is reported as a violation.
  const inlineRan = await page.evaluate(`(async () => {
    const blocked = new Promise((done) => document.addEventListener('securitypolicyviolation', done, { once: true }));
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.inlineRan = "yes"';
    document.body.append(script);
    await blocked;
    return document.body.dataset.inlineRan ?? 'no';
  })()`);
  expect(inlineRan).toBe('no');

  // Main sandboxed every renderer, and the door is the desktop one, on the data folder it was given.
  expect(app.sandboxEnabled()).toBe(true);
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).studio?.app.info({}).then((info) => info.door))).toBe('electron');
  expect(existsSync(join(desktop.dataDir, 'sandbox'))).toBe(true);
  expect(await readdir(desktop.configHome)).toEqual([]);
});

test('the preload exposes window.studio alone, with exactly the contract’s channels', async ({ desktop }) => {
  const page = desktop.app.page;
  await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
  const surface = await page.evaluate(() => {
    const exposed = (globalThis as unknown as PageGlobals).__electronStandInExposedKeys();
    const studio = (globalThis as unknown as PageGlobals).studio as unknown as Record<string, Record<string, unknown> | ((...args: unknown[]) => unknown)>;
    const methods = Object.entries(studio).flatMap(([domain, value]) => (typeof value === 'function' ? [domain] : Object.keys(value).map((verb) => `${domain}.${verb}`)));
    return { exposed, methods: methods.sort() };
  });
  const camel = (verb: string) => verb.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  const expected = channelNames.map((name) => name.split('/')).map(([domain, verb]) => `${domain}.${camel(verb ?? '')}`);
  expect(surface.exposed).toEqual(['studio']);
  expect(surface.methods).toEqual([...expected, 'subscribe'].sort());
});

test('a run and a rollback work through IPC', async ({ desktop }, testInfo) => {
  const page = desktop.app.page;
  await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
  const t = timeline(page);
  await t.runPending();
  expect(await t.planListed()).toEqual([sample.first, sample.second, sample.third]);
  await t.confirm();
  await expect(t.summary.getByTestId('up-to-date')).toBeVisible({ timeout: 60_000 });
  await t.expectStates({ [sample.first]: 'applied', [sample.second]: 'applied', [sample.third]: 'applied' });
  await saveScreenshot(page, testInfo, 'all-applied');

  await t.rollBackTo(sample.first);
  expect(await t.planListed()).toEqual([sample.third, sample.second]);
  await t.confirm();
  await expect(t.summary.getByTestId('pending-count')).toHaveText('2 pending', { timeout: 60_000 });
  await t.expectStates({ [sample.first]: 'applied', [sample.second]: 'pending', [sample.third]: 'pending' });
  await saveScreenshot(page, testInfo, 'rolled-back-to-first');
});

const slow = '1734567890003_backfill_course_stats';

test.describe('live progress', () => {
  test.use({
    desktopProject: {
      prepare: async ({ migrationsDir }) => {
        await writeFile(join(migrationsDir, `${slow}.js`), 'exports.up = (pgm) => { pgm.sql("SELECT pg_sleep(2)"); };\nexports.down = () => {};\n');
      },
    },
  });

  test('arrives as IPC events: each row goes running -> done', async ({ desktop }, testInfo) => {
    const { app } = desktop;
    const page = app.page;
    await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
    const t = timeline(page);
    await t.runPending();
    await t.confirm();
    await expect(t.row(slow)).toHaveAttribute('data-progress', 'running', { timeout: 30_000 });
    await expect(t.row(sample.first)).toHaveAttribute('data-progress', 'done');
    await expect(page.getByTestId('log-panel')).toContainText(`MIGRATION ${sample.first}`);
    await saveScreenshot(page, testInfo, 'running');
    await expect(t.row(slow)).toHaveAttribute('data-progress', 'done', { timeout: 60_000 });
    await expect(t.summary.getByTestId('up-to-date')).toBeVisible();

    // They came over studio:event (webContents.send), and the preload had a listener for each.
    const events = app.sentEvents.filter((sent) => sent.channel === 'studio:event').map((sent) => sent.args[0] as StudioEvent);
    expect(events.filter((event) => event.type === 'migration-started').map((event) => (event as { name: string }).name)).toEqual([sample.first, sample.second, sample.third, slow]);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', success: true });
    expect(app.sentEvents.every((sent) => sent.listeners > 0)).toBe(true);
  });
});

test('a call from a foreign frame is dropped', async ({ desktop }, testInfo) => {
  const { app, root } = desktop;
  const page = app.page;
  await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
  const t = timeline(page);
  const run = { selection: { direction: 'up' } };

  // An iframe inside our own page (the preload does not run there; a compromised frame could still send).
  await page.evaluate(`document.body.append(Object.assign(document.createElement('iframe'), { srcdoc: '<p>embedded</p>' }))`);
  const iframe = page.frames().find((frame) => frame.parentFrame() !== null) ?? (await page.waitForEvent('frameattached'));
  expect(await iframe.evaluate(() => 'studio' in globalThis)).toBe(false);
  expect(await app.invokeFrom(iframe, 'migrations/run', run)).toMatchObject({ ok: true, value: { ok: false, error: { code: 'forbidden' } } });

  // A top-level page that is not our index.html (say the window was tricked into loading it).
  const foreignFile = join(root, 'foreign.html');
  await writeFile(foreignFile, '<!doctype html><title>not PGM Studio</title><p>foreign</p>');
  const foreign = await app.context.newPage();
  await foreign.goto(pathToFileURL(foreignFile).href);
  expect(await app.invokeFrom(foreign.mainFrame(), 'migrations/run', run)).toMatchObject({ ok: true, value: { ok: false, error: { code: 'forbidden' } } });
  await foreign.close();

  // Nothing ran, and main said which calls it dropped.
  await page.reload();
  await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
  await t.expectStates({ [sample.first]: 'pending', [sample.second]: 'pending', [sample.third]: 'pending' });
  expect(app.output()).toContain('Dropped an IPC call to migrations/run from about:srcdoc');
  expect(app.output()).toContain(`Dropped an IPC call to migrations/run from ${pathToFileURL(foreignFile).href}`);
  await saveScreenshot(page, testInfo, 'after-foreign-calls');
});

test.describe('an error from main', () => {
  test.use({ desktopProject: { prepare: async ({ migrationsDir }) => rm(migrationsDir, { recursive: true }) } });

  test('crosses the bridge with its code and hint, and the timeline shows the hint', async ({ desktop }, testInfo) => {
    const page = desktop.app.page;
    const error = page.getByTestId('status-error');
    await expect(error).toContainText('Migrations directory not found', appLoaded);
    await expect(error).toContainText('Pass --migrations-dir');
    await saveScreenshot(page, testInfo, 'error-with-hint');

    // What the renderer catches from window.studio: the contract's error shape, not a bare message.
    const caught = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).studio!.connections.delete({ id: 'sandbox' }).then(
        () => null,
        (thrown: { code?: string; message?: string; hint?: string }) => ({ code: thrown.code, message: thrown.message, hint: thrown.hint }),
      ),
    );
    expect(caught).toMatchObject({ code: 'invalid-input', message: 'The built-in sandbox cannot be deleted.', hint: expect.stringContaining('Select another connection') });
  });
});
