import pg from 'pg';
import { PG_MIGRATE_LOCK_ID } from 'node-pg-migrate';
import { expect, test } from './support/studioTest';
import { sample, saveScreenshot, timeline } from './support/timeline';

test('another session holding the migration lock shows in the status bar and a run fails fast naming it', async ({ app, studio }, testInfo) => {
  const holder = new pg.Client({ connectionString: studio.db.url, application_name: 'nightly-deploy' });
  await holder.connect();
  try {
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [String(PG_MIGRATE_LOCK_ID)]);
    const lock = app.getByTestId('lock-state');
    // Polled every 5 s.
    await expect(lock).toHaveAttribute('data-locked', 'true', { timeout: 12_000 });
    await expect(lock).toContainText('nightly-deploy');

    const t = timeline(app);
    await t.runPending();
    await t.confirm();
    await expect(app.getByRole('alert').filter({ hasText: 'nightly-deploy' })).toBeVisible();
    await saveScreenshot(app, testInfo, 'lock-held');
    await t.expectStates({ [sample.first]: 'pending', [sample.second]: 'pending', [sample.third]: 'pending' });

    await holder.query('SELECT pg_advisory_unlock($1::bigint)', [String(PG_MIGRATE_LOCK_ID)]);
    await expect(lock).toHaveAttribute('data-locked', 'false', { timeout: 12_000 });
  } finally {
    await holder.end();
  }
});
