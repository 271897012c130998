import { addGatedMigration, releaseGatedMigration } from './support/gatedMigration';
import { expect, test } from './support/studioTest';
import { sample, saveScreenshot, timeline } from './support/timeline';

const slow = '1734567890003_backfill_course_stats';

// A migration that runs until the test releases it: its row must show "running" meanwhile, pushed over SSE.
test.use({ projectSetup: { prepare: ({ migrationsDir }) => addGatedMigration(migrationsDir, slow) } });

test('live progress: each row goes running -> done with its duration, and the log fills in', async ({ app, studio }, testInfo) => {
  const t = timeline(app);
  await t.runPending();
  await t.confirm();
  await expect(t.row(slow)).toHaveAttribute('data-progress', 'running');
  await expect(t.row(slow).getByTestId('migration-progress')).toContainText('Running');
  await expect(t.row(sample.first)).toHaveAttribute('data-progress', 'done');
  await expect(app.getByTestId('log-panel')).toContainText(`MIGRATION ${sample.first}`);
  // Nothing else may start while a run is in flight.
  await expect(t.runPendingButton).toBeDisabled();
  await saveScreenshot(app, testInfo, 'running');

  await releaseGatedMigration(studio.migrationsDir);
  await expect(t.row(slow)).toHaveAttribute('data-progress', 'done', { timeout: 60_000 });
  await expect(t.row(slow)).toContainText(/Ran in \d+ ms/);
  await expect(t.summary.getByTestId('up-to-date')).toBeVisible();
  await expect(app.getByTestId('log-panel')).toContainText('Last run succeeded');
});

test('an expired session says how to get back in', async ({ app }, testInfo) => {
  await app.context().clearCookies();
  await timeline(app).runPendingButton.click();
  await expect(app.getByTestId('session-expired')).toContainText('Open the URL printed by pgm-studio serve again.');
  // The banner says it once; no notification repeats it.
  await expect(app.getByRole('alert').filter({ hasText: 'session has expired' })).toHaveCount(1);
  await saveScreenshot(app, testInfo, 'session-expired');
});

test('a run started elsewhere (the seed API) shows up live and the timeline refetches', async ({ app, studio, request }, testInfo) => {
  const t = timeline(app);
  await t.expectStates({ [sample.first]: 'pending' });
  await releaseGatedMigration(studio.migrationsDir); // this test watches the outcome, not the wait
  const run = await request.post(`${studio.server.origin}/api/migrations`, { headers: { authorization: `Bearer ${studio.server.adminToken}` } });
  expect(run.status()).toBe(200);
  await expect(t.row(slow)).toHaveAttribute('data-progress', 'done');
  await expect(t.summary.getByTestId('up-to-date')).toBeVisible();
  await t.expectStates({ [sample.first]: 'applied', [slow]: 'applied' });
  await saveScreenshot(app, testInfo, 'applied-by-seed-api');
});

test('when the server goes away, the status bar says live updates are lost', async ({ app, studio }, testInfo) => {
  await expect(app.getByTestId('live-updates-lost')).toHaveCount(0);
  await studio.server.stop();
  await expect(app.getByTestId('live-updates-lost')).toContainText('reconnecting');
  await saveScreenshot(app, testInfo, 'live-updates-lost');
});
