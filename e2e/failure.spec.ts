import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from './support/studioTest';
import { sample, saveScreenshot, timeline } from './support/timeline';

const broken = '1734567890003_compute_title_lengths';

// A typo'd function name: PostgreSQL answers 42883 with a position and a hint.
test.use({
  projectSetup: {
    prepare: async ({ migrationsDir }) => {
      await copyFile(resolve(import.meta.dirname, 'fixtures', `${broken}.js`), join(migrationsDir, `${broken}.js`));
    },
  },
});

test('a failing migration shows its PostgreSQL error inline and the timeline stays consistent', async ({ app, studio }, testInfo) => {
  const t = timeline(app);
  await expect(t.rows).toHaveCount(4);
  await t.runPending();
  await t.confirm();

  const failed = t.row(broken);
  await expect(failed).toHaveAttribute('data-progress', 'failed');
  const failure = failed.getByTestId('migration-failure');
  await expect(failure).toContainText('lenght');
  await expect(failure.getByTestId('failure-sqlstate')).toHaveText('42883');
  await expect(failure).toContainText(/at character \d+/);
  await expect(failure.getByTestId('failure-hint')).toContainText(/function/i);

  // The engine runs the command atomically: the three that ran were rolled back with it.
  for (const name of [sample.first, sample.second, sample.third]) await expect(t.row(name)).toHaveAttribute('data-progress', 'rolled-back');

  // Refetched from the database: nothing applied, all four still pending, no lock left behind.
  await t.expectStates({ [sample.first]: 'pending', [sample.second]: 'pending', [sample.third]: 'pending', [broken]: 'pending' });
  await expect(t.summary.getByTestId('pending-count')).toHaveText('4 pending');
  await expect(t.summary.getByTestId('last-migration')).toHaveText('none yet');
  const tables = await studio.db.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public'");
  const recorded = tables.some((table) => table.name === 'pgmigrations') ? await studio.db.query<{ name: string }>('select name from pgmigrations') : [];
  expect(recorded).toEqual([]);
  expect(tables.map((table) => table.name).filter((name) => name !== 'pgmigrations')).toEqual([]);
  await expect(app.getByTestId('lock-state')).toHaveAttribute('data-locked', 'false');
  await saveScreenshot(app, testInfo, 'failed-inline');
});

test('a rehearsal finds the same failure without touching the database', async ({ app, studio }, testInfo) => {
  const t = timeline(app);
  await app.getByRole('button', { name: 'Rehearse pending' }).click();
  const drawer = t.rehearsalDrawer;
  await expect(drawer.getByTestId('rehearsal-outcome')).toHaveText('Would fail');
  await expect(drawer.getByTestId('migration-failure')).toContainText('lenght');
  await expect(drawer.getByTestId('rehearsal-sql')).toContainText('CREATE TABLE');
  await saveScreenshot(app, testInfo, 'rehearsal-failed');
  await app.keyboard.press('Escape');
  await expect(t.row(broken).getByTestId('migration-progress')).toHaveText('Failed in rehearsal');
  await expect(t.row(broken).getByTestId('migration-failure')).toContainText('nothing was changed');
  await expect(t.summary.getByTestId('pending-count')).toHaveText('4 pending');
  const tables = await studio.db.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'pgmigrations'");
  expect(tables).toEqual([]);
});
