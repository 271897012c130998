import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { createE2eDatabase, type E2eDatabase } from './testDatabase';
import { startStudioServer, type StudioServer } from './studioServer';

export interface StudioSetup {
  db: E2eDatabase;
  server: StudioServer;
  migrationsDir: string;
  dataDir: string;
}

/** How a spec changes the project before the server starts: files in the copied folder, rows in the database. */
export interface ProjectSetup {
  prepare?: (project: { migrationsDir: string; db: E2eDatabase }) => Promise<void>;
}

const sampleMigrations = resolve(import.meta.dirname, '../../migrations');

/** A first load reads the whole bundle and asks the database for its status: slow on a loaded machine. */
const firstLoadTimeout = 90_000;

/** Waits for the app's first status answer (the "app loaded" marker), good or bad. */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.getByTestId('app-loaded')).toBeVisible({ timeout: firstLoadTimeout });
}

/** Reloads the page and waits for the app again: a reload is a first load. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload({ timeout: firstLoadTimeout });
  await waitForApp(page);
}

export const test = base.extend<{ projectSetup: ProjectSetup; studio: StudioSetup; app: Page }>({
  // An object, not a function: Playwright would take a function given to test.use() for a fixture.
  projectSetup: [{}, { option: true }],

  // Per test: a fresh database, data folder and copy of the sample project, and its own `serve`.
  // Its own timeout: starting `serve` (tsx compiles the sources) is the slowest step on a loaded machine.
  studio: [async ({ projectSetup }, use, testInfo) => {
    const db = await createE2eDatabase();
    const root = await mkdtemp(join(tmpdir(), 'pgm-studio-e2e-'));
    const migrationsDir = join(root, 'migrations');
    const dataDir = join(root, 'data');
    let server: StudioServer | null = null;
    try {
      await cp(sampleMigrations, migrationsDir, { recursive: true });
      await projectSetup.prepare?.({ migrationsDir, db });
      server = await startStudioServer({ databaseUrl: db.url, migrationsDir, dataDir });
      await use({ db, server, migrationsDir, dataDir });
    } finally {
      await server?.stop();
      if (server && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('serve output', { body: server.output(), contentType: 'text/plain' });
      await db.drop();
      await rm(root, { recursive: true, force: true });
    }
  }, { timeout: 150_000 }],

  // The app opened at the printed URL, after its first status answer.
  app: [async ({ page, studio }, use) => {
    await page.goto(studio.server.url, { timeout: firstLoadTimeout });
    await waitForApp(page);
    await use(page);
  }, { timeout: 150_000 }],
});

export { expect };
