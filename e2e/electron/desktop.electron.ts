import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary, skipReason } from '../../scripts/electronBinary.mjs';
import {
  addSlowMigration,
  appLoaded,
  expectErrorWithHint,
  expectInlineScriptBlocked,
  expectSandboxTimeline,
  openProjectThroughFolderDialog,
  prepareBillingProject,
  runThenRollBack,
  watchLiveProgress,
  type FolderDialog,
} from '../desktop/scenarios';
import { makeDesktopFolders } from '../desktop/desktopFolders';

// The desktop scenarios in the real Electron, launched from the built app (`electron .`).
// The stand-in spec (e2e/desktop/desktop.spec.ts) covers the same on machines without the binary.

const repoRoot = resolve(import.meta.dirname, '../..');
const binary = electronBinary();

type ProjectSetup = { prepare?: (migrationsDir: string) => Promise<void> };

const test = base.extend<{ project: ProjectSetup; desktop: { app: ElectronApplication; window: Page; dataDir: string; root: string; migrationsDir: string } }>({
  project: [{}, { option: true }],
  desktop: async ({ project }, use) => {
    const { root, dataDir, configHome, projectDir, migrationsDir } = await makeDesktopFolders('pgm-studio-electron-');
    await project.prepare?.(migrationsDir);
    const { ELECTRON_RENDERER_URL: _devServer, ...env } = process.env;
    const app = await electron.launch({
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repoRoot],
      cwd: repoRoot,
      env: { ...env, PGM_STUDIO_DATA_DIR: dataDir, PGM_STUDIO_PROJECT: projectDir, XDG_CONFIG_HOME: configHome } as Record<string, string>,
      timeout: 120_000,
    });
    try {
      await use({ app, window: await app.firstWindow({ timeout: 120_000 }), dataDir, root, migrationsDir });
    } finally {
      await app.close();
      await rm(root, { recursive: true, force: true });
    }
  },
});

// Skipped only where the real Electron binary is absent (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1,
// as on CI here): there is nothing to launch. The same scenarios run through the stand-in in
// e2e/desktop/desktop.spec.ts on every machine; `npm run test:electron` prints this reason.
test.skip('missing' in binary, 'missing' in binary ? skipReason(binary.missing) : '');

test('the first screen is the sandbox timeline, under the CSP', async ({ desktop }, testInfo) => {
  await expectSandboxTimeline(desktop.window, testInfo);
  expect(desktop.window.url()).toBe(`${new URL(`file://${join(repoRoot, 'out/renderer/index.html')}`).href}#/timeline`);
  await expectInlineScriptBlocked(desktop.window);
});

test('a run and a rollback work', async ({ desktop }, testInfo) => {
  await runThenRollBack(desktop.window, testInfo);
});

test.describe('live progress', () => {
  test.use({ project: { prepare: addSlowMigration } });
  test('arrives as IPC events', async ({ desktop }, testInfo) => {
    await watchLiveProgress(desktop.window, testInfo, desktop.migrationsDir);
  });
});

test('an iframe gets no window.studio', async ({ desktop }) => {
  const page = desktop.window;
  await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
  await page.evaluate(`document.body.append(Object.assign(document.createElement('iframe'), { srcdoc: '<p>embedded</p>' }))`);
  const iframe = page.frames().find((frame) => frame.parentFrame() !== null) ?? (await page.waitForEvent('frameattached'));
  expect(await iframe.evaluate(() => 'studio' in globalThis)).toBe(false);
});

test.describe('an error from main', () => {
  test.use({ project: { prepare: (migrationsDir) => rm(migrationsDir, { recursive: true }) } });
  test('keeps its code and hint across the bridge', async ({ desktop }, testInfo) => {
    await expectErrorWithHint(desktop.window, testInfo);
  });
});

test('opening a project through the folder dialog shows its timeline', async ({ desktop }, testInfo) => {
  const folder = join(desktop.root, 'billing');
  await prepareBillingProject(folder);
  // No native dialog under test: main's dialog.showOpenDialog answers from a queue and records its options.
  await desktop.app.evaluate(({ dialog }) => {
    const fake = globalThis as unknown as { dialogAnswers: (string | null)[]; dialogOptions: unknown[] };
    fake.dialogAnswers = [];
    fake.dialogOptions = [];
    dialog.showOpenDialog = (async (...args: unknown[]) => {
      fake.dialogOptions.push(JSON.parse(JSON.stringify(args.at(-1))));
      const picked = fake.dialogAnswers.shift() ?? null;
      return picked ? { canceled: false, filePaths: [picked] } : { canceled: true, filePaths: [] };
    }) as typeof dialog.showOpenDialog;
  });
  const dialog: FolderDialog = {
    answerNext: (picked) => desktop.app.evaluate((_electron, answer) => void (globalThis as unknown as { dialogAnswers: (string | null)[] }).dialogAnswers.push(answer), picked),
    asked: () => desktop.app.evaluate(() => (globalThis as unknown as { dialogOptions: unknown[] }).dialogOptions),
  };
  await openProjectThroughFolderDialog(desktop.window, dialog, folder, testInfo);
});
