import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { expect, test } from './support/studioTest';
import { sample, saveScreenshot, timeline } from './support/timeline';

const blocked = '1734567890003_add_report_note';

// A table outside the sample, and a migration that alters it: it needs ACCESS EXCLUSIVE on reports.
test.use({
  projectSetup: {
    prepare: async ({ migrationsDir, db }) => {
      await db.query('CREATE TABLE reports (id serial PRIMARY KEY, title text)');
      await writeFile(join(migrationsDir, `${blocked}.js`), "exports.up = (pgm) => { pgm.addColumn('reports', { note: 'text' }); };\nexports.down = (pgm) => { pgm.dropColumn('reports', 'note'); };\n");
    },
  },
});

/** Another application's session with an open transaction that read reports: it holds ACCESS SHARE until it ends. */
async function holdReportsOpen(url: string): Promise<{ session: pg.Client; pid: number }> {
  const session = new pg.Client({ connectionString: url, application_name: 'nightly-report' });
  session.on('error', () => undefined); // the test may terminate it
  await session.connect();
  const pid = (await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  await session.query('BEGIN');
  await session.query('SELECT count(*) FROM reports');
  return { session, pid };
}

test('a migration blocked by another session shows that session while it waits; Cancel rolls the run back and the timeline is unchanged', async ({ app, studio }, testInfo) => {
  const { session, pid } = await holdReportsOpen(studio.db.url);
  try {
    const t = timeline(app);
    await t.runPending();
    // The run's timeouts are shown before it starts: none on a development connection.
    await expect(t.dialog.getByTestId('confirm-timeouts')).toContainText('none set for this connection');
    await saveScreenshot(app, testInfo, 'confirm-timeouts');
    await t.confirm();

    const waiting = app.getByTestId('run-waiting');
    await expect(waiting).toContainText('Waiting for ACCESS EXCLUSIVE lock on reports', { timeout: 60_000 });
    const blocker = waiting.getByTestId(`session-${pid}`);
    await expect(blocker).toContainText('nightly-report');
    await expect(blocker).toContainText('idle in transaction');
    await expect(blocker).toContainText('SELECT count(*) FROM reports');
    await expect(app.getByTestId('run-state')).toContainText('waiting for a lock');
    // The migration lock is held by this very run: the timeline does not call it another session.
    await expect(t.summary).not.toContainText('Runs are blocked by another session');
    await expect(app.getByTestId('lock-state')).toHaveText('Lock: held by this run');
    await saveScreenshot(app, testInfo, 'waiting-view');

    // Inside a transaction: Cancel asks nothing, and the whole command is rolled back.
    await app.getByTestId('cancel-run').click();
    await expect(app.getByTestId('log-panel')).toContainText('Last run failed', { timeout: 60_000 });
    await expect(waiting).toBeHidden();
    await app.getByRole('button', { name: /Run log/ }).click();
    await expect(app.getByTestId('log-panel')).toContainText('cancelled: the command was rolled back, the database is unchanged');
    await t.expectStates({ [sample.first]: 'pending', [sample.second]: 'pending', [sample.third]: 'pending', [blocked]: 'pending' });
    await expect(t.row(blocked).getByTestId('migration-progress')).toHaveText('Cancelled');
    const tables = await studio.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'reports'");
    expect(tables[0]?.n).toBe(0);
    await saveScreenshot(app, testInfo, 'cancelled');
  } finally {
    await session.end().catch(() => undefined);
  }
});

test('terminating the blocking session from the waiting view, after a confirmation that names it, lets the run finish', async ({ app, studio }, testInfo) => {
  const { session, pid } = await holdReportsOpen(studio.db.url);
  try {
    const t = timeline(app);
    await t.runPending();
    await t.confirm();
    const blocker = app.getByTestId('run-waiting').getByTestId(`session-${pid}`);
    await expect(blocker).toContainText('nightly-report', { timeout: 60_000 });
    await blocker.getByRole('button', { name: 'Terminate session' }).click();
    const confirmation = app.getByTestId('signal-confirmation');
    await expect(confirmation).toContainText(`pid ${pid} — nightly-report`);
    await expect(confirmation).toContainText('SELECT count(*) FROM reports');
    await saveScreenshot(app, testInfo, 'terminate-confirmation');
    await confirmation.getByTestId('confirm-signal').click();
    await expect(t.summary.getByTestId('up-to-date')).toBeVisible({ timeout: 60_000 });
    await t.expectStates({ [blocked]: 'applied' });
  } finally {
    await session.end().catch(() => undefined);
  }
});

test('a rehearsal warns which tables the run will lock, how hard, and how big and busy they are', async ({ app, studio }, testInfo) => {
  await studio.db.query('INSERT INTO reports (title) SELECT g::text FROM generate_series(1, 5000) g; ANALYZE reports');
  const t = timeline(app);
  await app.getByRole('button', { name: 'Rehearse pending', exact: true }).click();
  await expect(t.rehearsalDrawer.getByTestId('rehearsal-outcome')).toHaveText('Would succeed', { timeout: 60_000 });
  const warning = t.rehearsalDrawer.getByTestId('rehearsal-lock-reports');
  await expect(warning).toContainText('This will lock reports (5.0 k rows');
  await expect(warning).toContainText('0 active sessions) in ACCESS EXCLUSIVE mode (ALTER TABLE) for the whole migration');
  await saveScreenshot(app, testInfo, 'rehearsal-locks');
});
