import { rm } from 'node:fs/promises';
import { expect, test as base } from '@playwright/test';
import { launchDesktopApp, type DesktopApp } from './desktopApp';
import { makeDesktopFolders } from './desktopFolders';

export interface DesktopSetup {
  app: DesktopApp;
  dataDir: string;
  configHome: string;
  migrationsDir: string;
  root: string;
}

/** How a spec changes the sample project before the app starts. */
export interface DesktopProjectSetup {
  prepare?: (project: { migrationsDir: string; root: string }) => Promise<void>;
}

export const test = base.extend<{ desktopProject: DesktopProjectSetup; desktop: DesktopSetup }>({
  desktopProject: [{}, { option: true }],

  // Per test: a fresh data folder (so the app starts its own sandbox PostgreSQL, as on a first launch)
  // and a copy of the sample project; the built app launched on them, and quit at the end.
  desktop: async ({ browser, desktopProject }, use, testInfo) => {
    const { root, dataDir, configHome, migrationsDir } = await makeDesktopFolders('pgm-studio-desktop-');
    await desktopProject.prepare?.({ migrationsDir, root });
    let app: DesktopApp | null = null;
    try {
      app = await launchDesktopApp(browser, { dataDir, configHome, migrationsDir, loadTimeoutMs: 60_000 });
      await use({ app, dataDir, configHome, migrationsDir, root });
    } finally {
      const exitCode = await app?.close();
      if (app && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('main process output', { body: app.output(), contentType: 'text/plain' });
      await rm(root, { recursive: true, force: true });
      // Quitting must stop the sandbox and exit cleanly; checked after cleanup so a failure leaves nothing behind.
      if (app) expect(exitCode, `main exited with ${exitCode}:\n${app.output()}`).toBe(0);
    }
  },
});

export { expect };
