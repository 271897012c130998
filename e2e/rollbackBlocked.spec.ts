import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/studioTest';
import { sample, saveScreenshot, timeline } from './support/timeline';

const brokenDown = '1734567890003_archive_old_courses';

// A down step that cannot run (a typo PostgreSQL rejects): the guided rollback must flag it and refuse to go on.
test.use({
  projectSetup: {
    prepare: async ({ migrationsDir }) => {
      await writeFile(join(migrationsDir, `${brokenDown}.js`), [
        'exports.up = (pgm) => { pgm.addColumn("courses", { archived: { type: "boolean", notNull: true, default: false } }); };',
        'exports.down = (pgm) => { pgm.sql("SELECT lenght(\'archived\')"); pgm.dropColumn("courses", "archived"); };',
        '',
      ].join('\n'));
    },
  },
});

test('a migration whose down fails blocks the guided rollback at its first step, and nothing changes', async ({ app, studio }, testInfo) => {
  const t = timeline(app);
  await t.runPending();
  await t.confirm();
  await t.expectStates({ [brokenDown]: 'applied' });

  await t.row(sample.first).getByRole('link', { name: `Guided rollback to here: ${sample.first}` }).click();
  const wizard = app.getByTestId('rollback-wizard');
  await expect(wizard.getByTestId('stake-blocked')).toBeVisible({ timeout: 120_000 });
  await expect(wizard.getByTestId('stake-blocked')).toContainText(brokenDown);
  await expect(wizard.locator(`[data-testid="stake-migration"][data-name="${brokenDown}"]`)).toHaveAttribute('data-usable', 'false');
  await expect(app.getByTestId('wizard-next')).toBeDisabled();
  await saveScreenshot(app, testInfo, 'wizard-blocked-by-down');

  const recorded = await studio.db.query<{ name: string }>('select name from pgmigrations order by id');
  expect(recorded).toHaveLength(4);
});
