import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/studioTest';
import { sampleNames, saveScreenshot, timeline } from './support/timeline';

const early = '1734567880000_early_hotfix';

// The sample recorded as applied, and a hotfix file merged later from an older branch: it sorts first.
test.use({
  projectSetup: {
    prepare: async ({ migrationsDir, db }) => {
      await writeFile(join(migrationsDir, `${early}.js`), 'exports.up = (pgm) => { pgm.createTable("early_hotfix", { id: "id" }); };\nexports.down = (pgm) => { pgm.dropTable("early_hotfix"); };\n');
      await db.query('CREATE TABLE pgmigrations (id serial PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)');
      // Status reads names only; the sample's tables are not needed for this test.
      await db.query(`INSERT INTO pgmigrations (name, run_on) SELECT n, now() FROM unnest(ARRAY[${sampleNames.map((n) => `'${n}'`).join(',')}]) AS n`);
    },
  },
});

test('while check-order would refuse, run and rollback are disabled with the reason, and check-order off runs it for this run only', async ({ app, studio }, testInfo) => {
  const t = timeline(app);
  await t.expectStates({ [early]: 'out-of-order' });
  const blocked = t.summary.getByTestId('run-blocked');
  await expect(blocked).toContainText(`Check-order would refuse this run: ${early} is pending but sorts before ${sampleNames[0]}, which is already applied`);
  await expect(t.runPendingButton).toBeDisabled();
  await expect(t.summary.getByRole('button', { name: 'Roll back last' })).toBeDisabled();
  // The reason on hover, before anything is clicked.
  await t.summary.locator('[data-disabled-reason]').first().hover();
  await expect(app.getByRole('tooltip')).toContainText('Check-order would refuse this run');
  await saveScreenshot(app, testInfo, 'run-disabled-check-order');

  await blocked.getByRole('button', { name: 'Run pending with check-order off (this run only)…' }).click();
  await expect(t.dialog).toContainText('Check-order is off for this run only');
  expect(await t.planListed()).toEqual([early]);
  await saveScreenshot(app, testInfo, 'confirm-check-order-off');
  await t.confirm();

  await expect(t.summary.getByTestId('up-to-date')).toBeVisible({ timeout: 30_000 });
  const recorded = await studio.db.query<{ name: string }>('select name from pgmigrations order by id');
  expect(recorded.map((r) => r.name)).toEqual([...sampleNames, early]);
  expect(await studio.db.query("select 1 from pg_tables where tablename = 'early_hotfix'")).toHaveLength(1);
  // The project keeps check-order on: with the hotfix applied last, the next run would be refused too, and the summary says so.
  await expect(blocked).toContainText(`${early} was applied after ${sampleNames[0]} although it sorts before it`);
});
