import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/studioTest';
import { sample, sampleNames, saveScreenshot, timeline } from './support/timeline';

/** What the database holds, read over the test's own connection: recorded migrations and the sample's tables. */
async function databaseState(studio: { db: { query<R extends object>(sql: string): Promise<R[]> } }) {
  const tables = await studio.db.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by 1");
  const recorded = tables.some((t) => t.name === 'pgmigrations') ? await studio.db.query<{ name: string }>('select name from pgmigrations order by id') : [];
  return { recorded: recorded.map((r) => r.name), tables: tables.map((t) => t.name).filter((name) => name !== 'pgmigrations') };
}

test('Cancel in the run confirmation leaves the database unchanged', async ({ app, studio }, testInfo) => {
  const t = timeline(app);
  await t.runPending();
  expect(await t.planListed()).toEqual(sampleNames);
  await t.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(t.dialog).toBeHidden();

  // Nothing started: no run in the log, the rows unmarked, and the database as it was.
  await expect(app.getByTestId('log-panel')).toContainText('Run log (0)');
  await t.expectStates({ [sample.first]: 'pending', [sample.second]: 'pending', [sample.third]: 'pending' });
  for (const name of sampleNames) await expect(t.row(name)).toHaveAttribute('data-progress', 'idle');
  expect(await databaseState(studio)).toEqual({ recorded: [], tables: [] });
  await saveScreenshot(app, testInfo, 'cancelled');

  // The same holds after a confirmed rollback is cancelled: apply the first, then cancel its rollback.
  await t.row(sample.first).getByRole('button', { name: `Run up to here: ${sample.first}` }).click();
  await t.confirm();
  await t.expectStates({ [sample.first]: 'applied' });
  const applied = await databaseState(studio);
  expect(applied.recorded).toEqual([sample.first]);
  await t.summary.getByRole('button', { name: 'Roll back last' }).click();
  await expect(t.dialog).toContainText('down (revert)');
  await t.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(t.dialog).toBeHidden();
  await app.getByRole('button', { name: /Run log/ }).click();
  await expect(t.row(sample.first)).toHaveAttribute('data-state', 'applied');
  expect(await databaseState(studio)).toEqual(applied);
});

test('a plan that changed after the confirmation opened is refused, and the operator is told why and what to do', async ({ app, studio }, testInfo) => {
  const t = timeline(app);
  await t.runPending();
  expect(await t.planListed()).toEqual(sampleNames);

  // While the dialog is open, someone adds a migration to the folder: "run pending" now means four.
  const late = '1734567890003_late_addition';
  await writeFile(join(studio.migrationsDir, `${late}.js`), 'exports.up = (pgm) => { pgm.createTable("late_addition", { id: "id" }); };\nexports.down = (pgm) => { pgm.dropTable("late_addition"); };\n');
  await t.confirm();

  const refusal = app.getByRole('alert').filter({ hasText: /changed since you confirmed/ });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(/confirm again/i);
  // The run log keeps the reason and the hint after the notification is gone.
  const log = app.getByTestId('log-panel');
  await expect(log).toContainText('Last run failed');
  await expect(log.locator('#run-log')).toContainText(/changed since you confirmed.*What to do: .*confirm again/i);
  await saveScreenshot(app, testInfo, 'plan-changed');

  // Nothing ran, and the timeline now shows the fourth migration to review.
  expect(await databaseState(studio)).toEqual({ recorded: [], tables: [] });
  await expect(t.rows).toHaveCount(4);
  await t.expectStates({ [late]: 'pending', [sample.first]: 'pending' });
});
