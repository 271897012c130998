import pg from 'pg';
import { PG_MIGRATE_LOCK_ID } from 'node-pg-migrate';
import { expect, test } from './support/studioTest';
import { sample, saveScreenshot, timeline } from './support/timeline';

const lockId = String(PG_MIGRATE_LOCK_ID);

test('another session holding the migration lock disables the run actions with the reason, and a run confirmed before fails fast naming it', async ({ app, studio }, testInfo) => {
  const holder = new pg.Client({ connectionString: studio.db.url, application_name: 'nightly-deploy' });
  await holder.connect();
  try {
    const t = timeline(app);
    // Confirmation opened while the lock is free; the lock is taken before the operator confirms.
    await t.runPending();
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [lockId]);
    await t.confirm();
    await expect(app.getByRole('alert').filter({ hasText: 'nightly-deploy' }).first()).toBeVisible();
    await t.expectStates({ [sample.first]: 'pending', [sample.second]: 'pending', [sample.third]: 'pending' });
    await saveScreenshot(app, testInfo, 'lock-held');

    // Polled every 5 s: once seen, nothing that needs the lock can be started, and the summary says why.
    const lock = app.getByTestId('lock-state');
    await expect(lock).toHaveAttribute('data-locked', 'true', { timeout: 20_000 });
    await expect(lock).toContainText('nightly-deploy');
    const blocked = t.summary.getByTestId('run-blocked');
    await expect(blocked).toContainText('Another session holds the migration lock (nightly-deploy');
    await expect(t.runPendingButton).toBeDisabled();
    await expect(t.summary.getByRole('button', { name: 'Rehearse pending' })).toBeDisabled();
    await expect(t.row(sample.first).getByRole('button', { name: `Run up to here: ${sample.first}` })).toBeDisabled();
    await t.summary.locator('[data-disabled-reason]').first().hover();
    await expect(app.getByRole('tooltip')).toContainText('nightly-deploy');
    await saveScreenshot(app, testInfo, 'run-disabled-lock-held');

    await holder.query('SELECT pg_advisory_unlock($1::bigint)', [lockId]);
    await expect(lock).toHaveAttribute('data-locked', 'false', { timeout: 20_000 });
    await expect(blocked).toHaveCount(0);
    await expect(t.runPendingButton).toBeEnabled();
  } finally {
    await holder.end();
  }
});
