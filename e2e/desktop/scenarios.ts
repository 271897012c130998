import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { StudioApi } from '../../src-main/contract';
import { addGatedMigration, releaseGatedMigration } from '../support/gatedMigration';
import { sample, saveScreenshot, timeline } from '../support/timeline';

// The desktop scenarios both doors run: the stand-in (desktop.spec.ts) and real Electron
// (e2e/electron/desktop.electron.ts). Each starts on a fresh data folder, so the app's first
// screen is its own sandbox PostgreSQL.

/** The page's globals, typed for page.evaluate (this project compiles without the DOM lib). */
export type PageGlobals = { studio?: StudioApi; __electronStandInExposedKeys: () => string[] };

/** The first launch initialises the sandbox cluster: generous, CI machines are ~3x slower. */
export const appLoaded = { timeout: 180_000 };

export const slowMigration = '1734567890003_backfill_course_stats';

/** A migration that stays running until the scenario releases it (see gatedMigration.ts). */
export const addSlowMigration = (migrationsDir: string): Promise<void> => addGatedMigration(migrationsDir, slowMigration);

export async function expectSandboxTimeline(page: Page, testInfo: TestInfo): Promise<void> {
  await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
  const t = timeline(page);
  await expect(t.rows).toHaveCount(3);
  await t.expectStates({ [sample.first]: 'pending', [sample.second]: 'pending', [sample.third]: 'pending' });
  await expect(page.getByTestId('server-version')).toContainText('PostgreSQL 15');
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).studio?.app.info({}).then((info) => info.door))).toBe('electron');
  await saveScreenshot(page, testInfo, 'first-screen');
}

/** An inline script the page adds does not run: the CSP is in force. */
export async function expectInlineScriptBlocked(page: Page): Promise<void> {
  const inlineRan = await page.evaluate(`(async () => {
    const blocked = new Promise((done) => document.addEventListener('securitypolicyviolation', done, { once: true }));
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.inlineRan = "yes"';
    document.body.append(script);
    await blocked;
    return document.body.dataset.inlineRan ?? 'no';
  })()`);
  expect(inlineRan).toBe('no');
}

export async function runThenRollBack(page: Page, testInfo: TestInfo): Promise<void> {
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
}

/** With addSlowMigration: the slow row shows "running" while it runs, which only a pushed event can tell. */
export async function watchLiveProgress(page: Page, testInfo: TestInfo, migrationsDir: string): Promise<void> {
  await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
  const t = timeline(page);
  await t.runPending();
  await t.confirm();
  await expect(t.row(slowMigration)).toHaveAttribute('data-progress', 'running', { timeout: 60_000 });
  await saveScreenshot(page, testInfo, 'running');
  await expect(t.row(sample.first)).toHaveAttribute('data-progress', 'done');
  await expect(page.getByTestId('log-panel')).toContainText(`MIGRATION ${sample.first}`);
  await releaseGatedMigration(migrationsDir);
  await expect(t.row(slowMigration)).toHaveAttribute('data-progress', 'done', { timeout: 60_000 });
  await expect(t.summary.getByTestId('up-to-date')).toBeVisible();
}

/** With the migrations folder removed: main's error reaches the page with its code and hint. */
export async function expectErrorWithHint(page: Page, testInfo: TestInfo): Promise<void> {
  const error = page.getByTestId('status-error');
  await expect(error).toContainText('Migrations directory not found', appLoaded);
  await expect(error).toContainText('Pass --migrations-dir');
  await saveScreenshot(page, testInfo, 'error-with-hint');
  const caught = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).studio!.connections.delete({ id: 'sandbox' }).then(
      () => null,
      (thrown: { code?: string; message?: string; hint?: string }) => ({ code: thrown.code, message: thrown.message, hint: thrown.hint }),
    ),
  );
  expect(caught).toMatchObject({ code: 'invalid-input', message: 'The built-in sandbox cannot be deleted.', hint: expect.stringContaining('Select another connection') });
}

/** A second project, unlike the sample: its node-pg-migrate script names another folder and table. */
export const billingProject = {
  name: 'billing-service',
  script: 'node-pg-migrate up -m db/migrations -t schema_migrations',
  migrations: ['1734567890100_create_invoices', '1734567890101_add_invoice_totals'],
} as const;

export async function prepareBillingProject(folder: string): Promise<void> {
  const migrationsDir = join(folder, 'db', 'migrations');
  await mkdir(migrationsDir, { recursive: true });
  const scripts = { migrate: billingProject.script };
  await writeFile(join(folder, 'package.json'), `${JSON.stringify({ name: billingProject.name, private: true, scripts }, null, 2)}\n`);
  const [invoices, totals] = billingProject.migrations;
  await writeFile(join(migrationsDir, `${invoices}.js`), 'exports.up = (pgm) => { pgm.createTable("invoices", { id: "id", issued_on: { type: "date", notNull: true } }); };\nexports.down = (pgm) => { pgm.dropTable("invoices"); };\n');
  await writeFile(join(migrationsDir, `${totals}.js`), 'exports.up = (pgm) => { pgm.addColumn("invoices", { total_cents: { type: "bigint", notNull: true, default: 0 } }); };\nexports.down = (pgm) => { pgm.dropColumn("invoices", "total_cents"); };\n');
}

/** The native folder dialog as each door fakes it: the next answer (null: Cancel), and the options main asked with. */
export interface FolderDialog {
  answerNext(folder: string | null): Promise<void>;
  asked(): Promise<unknown[]>;
}

/** A section of the workbench: the shell's section switch. */
export async function openSection(page: Page, name: 'Timeline' | 'Environments' | 'Project'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
}

/**
 * The Project section's "Choose folder…": a Cancel leaves the current project, then the dialog's
 * folder (prepareBillingProject) becomes the project and the timeline shows its migrations.
 */
export async function openProjectThroughFolderDialog(page: Page, dialog: FolderDialog, folder: string, testInfo: TestInfo): Promise<void> {
  await expect(page.getByTestId('app-loaded')).toBeVisible(appLoaded);
  const t = timeline(page);
  await expect(t.rows).toHaveCount(3);
  await openSection(page, 'Project');
  const root = page.getByTestId('project-root');
  await expect(root).not.toBeEmpty();
  const before = await root.innerText();
  const choose = page.getByRole('button', { name: 'Choose folder…' });
  const openDirectory = expect.objectContaining({ properties: ['openDirectory'] });
  // Only a door with a folder dialog (pickFolder) offers the button.
  await expect(choose, 'the desktop door offers its folder dialog').toBeVisible({ timeout: 30_000 });

  // Cancel: main was asked for a folder, and the project stays as it was.
  await dialog.answerNext(null);
  await choose.click();
  await expect.poll(() => dialog.asked(), { timeout: 30_000 }).toEqual([openDirectory]);
  await expect(choose).toBeEnabled();
  await expect(root).toHaveText(before);
  await saveScreenshot(page, testInfo, 'folder-dialog-cancelled');

  // A folder: it is the project now, read from its package.json script.
  const opened = await realpath(folder);
  await dialog.answerNext(folder);
  await choose.click();
  await expect(root).toHaveText(opened, { timeout: 30_000 });
  expect(await dialog.asked()).toEqual([openDirectory, openDirectory]);
  await expect(page.getByTestId('setting-migrationsDir')).toContainText(join(opened, 'db', 'migrations'));
  await expect(page.getByTestId('setting-migrationsTable')).toContainText('schema_migrations');
  await expect(page.getByTestId('setting-migrationsTable')).toContainText('package.json script "migrate"');
  await saveScreenshot(page, testInfo, 'project-opened');

  // Its timeline: its two migrations, pending on the sandbox, and nothing of the sample's.
  await openSection(page, 'Timeline');
  await expect(t.rows).toHaveCount(2, { timeout: 30_000 });
  await t.expectStates(Object.fromEntries(billingProject.migrations.map((name) => [name, 'pending'])));
  await expect(t.row(sample.first)).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'opened-project-timeline');
}
