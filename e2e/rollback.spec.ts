import { expect, reloadApp, test } from './support/studioTest';
import { connections } from './support/connections';
import { skipBackupPhrase } from '../src-main/contract';
import { fillSampleTables, sampleTables, tableChecksums } from './support/courseData';
import { shell } from './support/shell';
import { sample, sampleNames, saveScreenshot, timeline } from './support/timeline';
import type { Page, TestInfo } from '@playwright/test';
import type { E2eDatabase } from './support/testDatabase';

/** pg_dump, pg_restore and a scratch restore on a loaded machine: generous, never a race. */
const slowStep = 120_000;

async function applyAllAndFill(app: Page, studio: { db: E2eDatabase }) {
  const t = timeline(app);
  await t.runPending();
  await t.confirm();
  await t.expectStates({ [sample.first]: 'applied', [sample.second]: 'applied', [sample.third]: 'applied' });
  await fillSampleTables(studio.db);
}

async function next(app: Page, step: number) {
  await app.getByTestId('wizard-next').click();
  await expect(app.getByTestId('rollback-wizard')).toHaveAttribute('data-step', String(step));
}

async function shot(app: Page, testInfo: TestInfo, name: string) {
  await saveScreenshot(app, testInfo, name);
}

test('guided rollback to the first migration, step by step, then restore the backup and every row is back', async ({ app, studio }, testInfo) => {
  test.setTimeout(600_000);
  await applyAllAndFill(app, studio);
  const before = await tableChecksums(studio.db);
  expect(Object.values(before).every((sum) => sum !== null)).toBe(true);

  // (1) Target: from the timeline row; the migrations to revert, their down SQL, the rows at stake.
  await timeline(app).row(sample.first).getByRole('link', { name: `Guided rollback to here: ${sample.first}` }).click();
  const wizard = app.getByTestId('rollback-wizard');
  await expect(wizard).toHaveAttribute('data-step', '0');
  const stake = wizard.getByTestId('stake');
  await expect(stake).toBeVisible({ timeout: slowStep });
  await expect(wizard.getByTestId('stake-migration')).toHaveCount(2);
  await expect(wizard.getByTestId('rows-at-stake')).toBeVisible();
  await wizard.getByTestId('stake-migration').filter({ hasText: sample.second }).getByRole('button').first().click();
  await expect(wizard.getByTestId('down-sql').first()).toContainText(/DROP TABLE/i);
  await shot(app, testInfo, 'wizard-1-target');

  // (2) Pre-flight: sessions, lock, and the reminder to stop the application as a checkbox.
  await next(app, 1);
  await expect(wizard.getByTestId('preflight-lock')).toBeVisible({ timeout: slowStep });
  await expect(app.getByTestId('wizard-next')).toBeDisabled();
  await wizard.getByTestId('preflight-app-stopped').check();
  await shot(app, testInfo, 'wizard-2-preflight');

  // (3) Backup with live progress.
  await next(app, 2);
  await wizard.getByTestId('wizard-start-backup').click();
  await expect(wizard.getByTestId('wizard-backup-done')).toBeVisible({ timeout: slowStep });
  await expect(wizard.getByTestId('backup-progress')).toHaveAttribute('data-status', 'complete');
  await shot(app, testInfo, 'wizard-3-backup');

  // (4) Verification, with a test restore into a scratch database.
  await next(app, 3);
  await wizard.getByTestId('wizard-test-restore').check();
  await wizard.getByTestId('wizard-verify-run').click();
  await expect(wizard.getByTestId('verification')).toHaveAttribute('data-ok', 'true', { timeout: slowStep });
  await expect(wizard.getByTestId('test-restore-rows')).toContainText('public.notes');
  await shot(app, testInfo, 'wizard-4-verify');

  // (5) Rehearsal of the downs.
  await next(app, 4);
  await wizard.getByTestId('wizard-rehearse-run').click();
  await expect(wizard.getByTestId('wizard-rehearsal-outcome')).toHaveText('Would succeed', { timeout: slowStep });
  await expect(wizard.getByTestId('wizard-rehearsal-sql')).toContainText(/DROP TABLE/i);
  await shot(app, testInfo, 'wizard-5-rehearse');

  // (6) The downs, for real.
  await next(app, 5);
  await wizard.getByTestId('wizard-run-downs').click();
  await expect(wizard.getByTestId('wizard-run-steps').locator('[data-step="integrity"]')).toHaveAttribute('data-state', 'done', { timeout: slowStep });
  await expect(wizard.getByTestId('wizard-run-migrations').locator(`[data-name="${sample.second}"]`)).toHaveAttribute('data-progress', 'reverted');
  await shot(app, testInfo, 'wizard-6-run');

  // (7) Integrity report.
  await next(app, 6);
  await expect(wizard.getByTestId('wizard-integrity')).toHaveAttribute('data-ok', 'true');
  await expect(wizard.getByTestId('integrity-row-counts')).toContainText('public.users');
  await shot(app, testInfo, 'wizard-7-integrity');

  // (8) Summary, and the database really is at the first migration.
  await next(app, 7);
  const summary = wizard.getByTestId('wizard-summary');
  await expect(summary.getByTestId('summary-reverted')).toContainText(sample.third);
  await expect(summary.getByTestId('summary-report-paths')).toBeVisible();
  // The readable report, fetched from the studio (a browser cannot open the path it is saved at).
  const reportText = summary.getByTestId('rollback-report-text');
  await expect(reportText).toContainText('PGM Studio rollback report');
  await expect(reportText).toContainText(`Rolled back to: ${sample.first}`);
  await expect(reportText).toContainText('Integrity check: passed');
  await expect(reportText).toContainText('Restore it with: pgm-studio restore');
  const download = app.waitForEvent('download');
  await summary.getByTestId('rollback-report-download-txt').click();
  expect((await download).suggestedFilename()).toMatch(/^pgm-studio-rollback-[0-9a-f-]+\.txt$/);
  await reportText.scrollIntoViewIfNeeded();
  await shot(app, testInfo, 'wizard-8-summary');
  expect((await studio.db.query<{ name: string }>('select name from pgmigrations order by id')).map((r) => r.name)).toEqual([sample.first]);
  const after = await tableChecksums(studio.db);
  expect(after.users).toBe(before.users);
  expect(after.notes).toBeNull();

  // Restore this backup, into the same database: its name typed first.
  await summary.getByTestId('summary-restore').click();
  const dialog = app.getByRole('dialog', { name: 'Restore a backup' });
  await expect(dialog.getByTestId('restore-run')).toBeDisabled();
  await dialog.getByTestId('restore-confirm-name').fill(studio.db.name);
  await shot(app, testInfo, 'restore-confirm');
  await dialog.getByTestId('restore-run').click();
  await expect(dialog.getByTestId('restore-result')).toHaveAttribute('data-ok', 'true', { timeout: slowStep });
  await shot(app, testInfo, 'restore-done');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The timeline is back to all applied, and every table holds exactly the rows it had.
  await shell(app).goTo('Timeline');
  await timeline(app).expectStates({ [sample.first]: 'applied', [sample.second]: 'applied', [sample.third]: 'applied' });
  expect(await tableChecksums(studio.db)).toEqual(before);
  for (const table of sampleTables) expect(before[table]).not.toBeNull();

  // Backups lists the backup the wizard made, complete and verified, with the migration state it was taken at.
  await shell(app).goTo('Backups');
  const backup = app.getByTestId('backup-row').first();
  await expect(backup).toHaveAttribute('data-status', 'complete');
  await expect(backup).toHaveAttribute('data-verified', 'true');
  await expect(backup).toContainText(sample.third);
  await shot(app, testInfo, 'backups');
  // Its Report action shows the rollback's report too.
  await backup.getByRole('button', { name: /^Report of backup/ }).click();
  const details = app.getByTestId('backup-report');
  await expect(details.getByTestId('rollback-report-text')).toContainText(`Rolled back to: ${sample.first}`);
  await details.getByTestId('rollback-report-text').scrollIntoViewIfNeeded();
  await shot(app, testInfo, 'backup-details-rollback-report');
  await app.keyboard.press('Escape');
  await expect(details).toBeHidden();

  // The same backup restored into a new database beside it, checked table by table.
  const copy = `${studio.db.name}_copy`;
  await backup.getByRole('button', { name: /^Restore backup/ }).click();
  const restoreDialog = app.getByRole('dialog', { name: 'Restore a backup' });
  await restoreDialog.getByText('Into a new database').click();
  await restoreDialog.getByTestId('restore-new-name').fill(copy);
  await restoreDialog.getByTestId('restore-run').click();
  try {
    await expect(restoreDialog.getByTestId('restore-result')).toHaveAttribute('data-ok', 'true', { timeout: slowStep });
    await expect(restoreDialog.getByTestId('restore-rows')).toContainText('public.favorites');
    await shot(app, testInfo, 'restore-into-new-database');
    await restoreDialog.getByRole('button', { name: 'Close' }).click();
  } finally {
    await studio.db.query(`drop database if exists "${copy}" with (force)`);
  }

  // History shows what was done: the run, the backup, the rollback, the restore.
  await shell(app).goTo('History');
  const history = app.getByTestId('history-table');
  for (const operation of ['run', 'backup', 'rollback', 'restore']) await expect(history.locator(`[data-operation="${operation}"]`).first()).toBeVisible();
  // Expanded: the rollback names its backup, carries the SQL its downs ran, and opens its report.
  await history.locator('[data-operation="rollback"]').first().getByRole('button').first().click();
  const rollbackDetail = history.getByTestId('history-entry-detail');
  await expect(rollbackDetail).toContainText('backupId');
  await expect(rollbackDetail.getByTestId('history-sql')).toContainText(/DROP TABLE/i);
  await rollbackDetail.getByTestId('history-sql').scrollIntoViewIfNeeded();
  await shot(app, testInfo, 'history');
  await rollbackDetail.getByTestId('history-open-report').click();
  const reportDialog = app.getByRole('dialog', { name: 'Rollback report' });
  await expect(reportDialog.getByTestId('rollback-report-text')).toContainText('Integrity check: passed');
  await shot(app, testInfo, 'history-rollback-report');
});

test('the down confirmation shows each down SQL, the tables it drops with their rows, and Back up first on', async ({ app, studio }, testInfo) => {
  await applyAllAndFill(app, studio);
  const t = timeline(app);
  await t.rollBackTo(sample.first);
  const safety = t.dialog.getByTestId('down-safety');
  await expect(safety.getByTestId('stake')).toBeVisible({ timeout: slowStep });
  await expect(safety.getByTestId('stake-migration')).toHaveCount(2);
  await expect(safety.locator('[data-testid="stake-table"][data-table="public.notes"]').first()).toContainText('480 rows');
  await expect(safety.getByTestId('backup-first')).toBeChecked();
  await expect(t.confirmButton).toHaveText(/Back up, then revert 2 migrations/);
  await safety.getByTestId('stake-migration').first().getByRole('button').first().click();
  await expect(safety.getByTestId('down-sql').first()).toContainText(/DROP TABLE/i);
  await saveScreenshot(app, testInfo, 'down-confirmation-stake');
  await t.dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await studio.db.query<{ name: string }>('select name from pgmigrations order by id')).map((r) => r.name)).toEqual(sampleNames);
});

test('the run log still shows what ran after a reload: it reads the history', async ({ app }, testInfo) => {
  const t = timeline(app);
  await t.runPending();
  await t.confirm();
  await t.expectStates({ [sample.third]: 'applied' });
  await reloadApp(app);
  const log = app.getByTestId('log-panel');
  await log.getByRole('button', { name: /Run log/ }).click();
  const remembered = log.getByTestId('run-log-history');
  await expect(remembered).toContainText(/run up SUCCESS/);
  await expect(remembered).toContainText(sample.third);
  await saveScreenshot(app, testInfo, 'run-log-after-reload');
});

test('on production, reverting every migration with the backup skipped goes the guided way and the History records the skip', async ({ app, studio }, testInfo) => {
  test.setTimeout(300_000);
  const target = new URL(studio.db.url);
  const dbName = studio.db.name;
  // A saved production connection for the test database: the URL target is production from then on.
  const drawer = connections(app);
  await drawer.open();
  const form = await drawer.fillNewConnection({
    name: 'Course Tracker production', host: target.hostname, port: target.port || '5432', database: dbName, user: decodeURIComponent(target.username), environment: 'production',
  });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer.card('Course Tracker production')).toBeVisible();
  await drawer.close();
  await expect(app.getByTestId('connection-switcher').getByTestId('production-badge')).toBeVisible();

  const t = timeline(app);
  await t.row(sample.first).getByRole('button', { name: `Run up to here: ${sample.first}` }).click();
  await t.dialog.getByTestId('confirm-database-name').fill(dbName);
  await t.confirm();
  await t.expectStates({ [sample.first]: 'applied', [sample.second]: 'pending' });

  // Roll back the last (and only) applied migration: nothing stays applied to roll back to.
  await app.getByRole('button', { name: 'Roll back last', exact: true }).click();
  await expect(t.dialog).toBeVisible();
  await t.dialog.getByTestId('confirm-database-name').fill(dbName);
  const safety = t.dialog.getByTestId('down-safety');
  await expect(safety.getByTestId('stake')).toBeVisible({ timeout: slowStep });
  await safety.getByTestId('backup-first').uncheck();
  await expect(t.confirmButton).toBeDisabled();
  await safety.getByTestId('skip-database-name').fill(dbName);
  await safety.getByTestId('skip-phrase').fill(skipBackupPhrase);
  await expect(t.confirmButton).toBeEnabled();
  await saveScreenshot(app, testInfo, 'production-skip-backup-confirmation');
  await t.confirm();
  await t.expectStates({ [sample.first]: 'pending' });
  expect((await studio.db.query<{ n: string }>('select count(*)::text as n from pgmigrations'))[0]?.n).toBe('0');

  await shell(app).goTo('History');
  const history = app.getByTestId('history-table');
  const skipped = history.locator('[data-operation="backup-skipped"]');
  await expect(skipped).toHaveCount(1);
  await expect(skipped).toContainText('Backup skipped');
  await skipped.getByRole('button').first().click();
  const detail = history.getByTestId('history-entry-detail');
  await expect(detail).toContainText(`typedDatabaseName: ${dbName}`);
  await expect(detail).toContainText(`typedPhrase: ${skipBackupPhrase}`);
  await shot(app, testInfo, 'history-backup-skipped');
  await detail.getByTestId('history-open-report').click();
  await expect(app.getByRole('dialog', { name: 'Rollback report' }).getByTestId('rollback-report-text')).toContainText('Backup: SKIPPED by the operator');
});
