import { expect, test } from './support/studioTest';
import { sample, sampleNames, saveScreenshot, timeline } from './support/timeline';

test('a fresh database shows the sample project’s three migrations as pending', async ({ app }, testInfo) => {
  const t = timeline(app);
  await expect(t.rows).toHaveCount(3);
  await t.expectStates({ [sample.first]: 'pending', [sample.second]: 'pending', [sample.third]: 'pending' });
  await expect(t.summary.getByTestId('pending-count')).toHaveText('3 pending');
  await expect(t.summary.getByTestId('last-migration')).toHaveText('none yet');
  await expect(app.getByTestId('project')).toContainText('migrations');
  await expect(app.getByTestId('server-version')).toContainText('PostgreSQL 15');
  await saveScreenshot(app, testInfo, 'three-pending');
});

test('run pending applies all three with run_on, then roll back to the first leaves two pending', async ({ app, studio }, testInfo) => {
  const t = timeline(app);
  await t.runPending();
  await expect(t.dialog).toContainText('up (apply)');
  await expect(t.dialog.getByTestId('confirm-target')).toContainText(studio.db.name);
  expect(await t.planListed()).toEqual(sampleNames);
  await saveScreenshot(app, testInfo, 'confirm-run-pending');
  await t.confirm();

  await expect(t.summary.getByTestId('up-to-date')).toBeVisible();
  await t.expectStates({ [sample.first]: 'applied', [sample.second]: 'applied', [sample.third]: 'applied' });
  await expect(t.summary.getByTestId('last-migration')).toHaveText(sample.third);
  for (const name of sampleNames) {
    await expect(t.row(name).getByTestId('migration-run-on')).not.toBeEmpty();
    await expect(t.row(name)).toHaveAttribute('data-progress', 'done');
  }
  await expect(t.row(sample.first)).toContainText(/Ran in \d+ ms/);
  await expect(t.row(sample.first)).toContainText(/just now|sec/);
  await saveScreenshot(app, testInfo, 'all-applied');

  await t.rollBackTo(sample.first);
  await expect(t.dialog).toContainText('down (revert)');
  // Reverted newest first: exactly the two after the target.
  expect(await t.planListed()).toEqual([sample.third, sample.second]);
  await saveScreenshot(app, testInfo, 'confirm-roll-back');
  await t.confirm();

  await expect(t.summary.getByTestId('pending-count')).toHaveText('2 pending');
  await t.expectStates({ [sample.first]: 'applied', [sample.second]: 'pending', [sample.third]: 'pending' });
  await expect(t.summary.getByTestId('last-migration')).toHaveText(sample.first);
  const recorded = await studio.db.query<{ name: string }>('select name from pgmigrations order by run_on, id');
  expect(recorded.map((r) => r.name)).toEqual([sample.first]);
  await saveScreenshot(app, testInfo, 'rolled-back-to-first');
});

test('rehearse shows the SQL it would run and changes nothing', async ({ app, studio }, testInfo) => {
  const t = timeline(app);
  await t.row(sample.second).getByRole('button', { name: `Rehearse run up to ${sample.second}` }).click();
  const drawer = t.rehearsalDrawer;
  await expect(drawer.getByTestId('rehearsal-outcome')).toHaveText('Would succeed');
  await expect(drawer.getByTestId('rehearsal-sql')).toContainText(/CREATE TABLE/i);
  await saveScreenshot(app, testInfo, 'rehearsal');
  const tables = await studio.db.query<{ n: string }>("select count(*)::text as n from pg_tables where schemaname = 'public' and tablename <> 'pgmigrations'");
  expect(tables[0]?.n).toBe('0');
  await app.keyboard.press('Escape');
  await t.expectStates({ [sample.first]: 'pending', [sample.second]: 'pending' });
});
