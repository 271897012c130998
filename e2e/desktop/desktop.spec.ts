import { readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channelNames, type StudioEvent } from '../../src-main/contract';
import { contentSecurityPolicy } from '../../src-main/security/contentSecurityPolicy';
import { sample, saveScreenshot, timeline } from '../support/timeline';
import { expect, test } from './desktopTest';
import {
  addSlowMigration,
  appLoaded,
  expectErrorWithHint,
  expectInlineScriptBlocked,
  expectSandboxTimeline,
  openProjectThroughFolderDialog,
  prepareBillingProject,
  runThenRollBack,
  slowMigration,
  watchLiveProgress,
  type FolderDialog,
  type PageGlobals,
} from './scenarios';

// The desktop door end to end: the built main process and preload, the renderer from file:// under
// main's CSP, IPC both ways, the sandbox PostgreSQL the app starts itself. See desktopApp.ts.

// Generous: each test's app initialises its own sandbox cluster, and CI machines are ~3x slower.
test.describe.configure({ timeout: 300_000 });

test('the first screen is the sandbox timeline, loaded from file:// under the CSP main installs', async ({ desktop }, testInfo) => {
  const { app } = desktop;
  const page = app.page;
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await expectSandboxTimeline(page, testInfo);

  // From the built file, with main's CSP header on the page and on every script it loaded.
  const index = pathToFileURL(join(import.meta.dirname, '../../out/renderer/index.html')).href;
  // The shell's hash route: routes work under file://.
  expect(page.url()).toBe(`${index}#/timeline`);
  expect(app.servedHeaders.get(index)?.['Content-Security-Policy']).toBe(contentSecurityPolicy);
  const scripts = [...app.servedHeaders.keys()].filter((url) => url.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(app.servedHeaders.get(script)?.['Content-Security-Policy'], script).toBe(contentSecurityPolicy);
  expect(violations, 'the app itself ran into the CSP').toEqual([]);
  await expectInlineScriptBlocked(page);

  // Main sandboxed every renderer, and kept its data in PGM_STUDIO_DATA_DIR, not Electron's userData.
  expect(app.sandboxEnabled()).toBe(true);
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
  await runThenRollBack(desktop.app.page, testInfo);
});

test.describe('live progress', () => {
  test.use({ desktopProject: { prepare: ({ migrationsDir }) => addSlowMigration(migrationsDir) } });

  test('arrives as IPC events: each row goes running -> done', async ({ desktop }, testInfo) => {
    const { app, migrationsDir } = desktop;
    await watchLiveProgress(app.page, testInfo, migrationsDir);
    // They came over studio:event (webContents.send), and the preload had a listener for each.
    const events = app.sentEvents.filter((sent) => sent.channel === 'studio:event').map((sent) => sent.args[0] as StudioEvent);
    expect(events.filter((event) => event.type === 'migration-started').map((event) => (event as { name: string }).name)).toEqual([sample.first, sample.second, sample.third, slowMigration]);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', success: true });
    expect(app.sentEvents.every((sent) => sent.listeners > 0)).toBe(true);
  });
});

test('a call from a foreign frame is dropped', async ({ desktop }, testInfo) => {
  const { app, root } = desktop;
  const page = app.page;
  await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
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
  await timeline(page).expectStates({ [sample.first]: 'pending', [sample.second]: 'pending', [sample.third]: 'pending' });
  expect(app.output()).toContain('Dropped an IPC call to migrations/run from about:srcdoc');
  expect(app.output()).toContain(`Dropped an IPC call to migrations/run from ${pathToFileURL(foreignFile).href}`);
  await saveScreenshot(page, testInfo, 'after-foreign-calls');
});

test.describe('an error from main', () => {
  test.use({ desktopProject: { prepare: ({ migrationsDir }) => rm(migrationsDir, { recursive: true }) } });

  test('crosses the bridge with its code and hint, and the timeline shows the hint', async ({ desktop }, testInfo) => {
    await expectErrorWithHint(desktop.app.page, testInfo);
  });
});

test('opening a project through the folder dialog shows its timeline', async ({ desktop }, testInfo) => {
  const { app, root } = desktop;
  const folder = join(root, 'billing');
  await prepareBillingProject(folder);
  // The stand-in's dialog.showOpenDialog: answered by the harness, its options recorded.
  const dialog: FolderDialog = {
    answerNext: async (picked) => app.answerOpenDialog(picked ? { canceled: false, filePaths: [picked] } : { canceled: true, filePaths: [] }),
    asked: async () => [...app.openDialogs],
  };
  await openProjectThroughFolderDialog(app.page, dialog, folder, testInfo);
});
