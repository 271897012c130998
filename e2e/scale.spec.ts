import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/studioTest';
import { sampleNames, saveScreenshot, timeline } from './support/timeline';

const generated = 5_000;
const base = 1_800_000_000_000;
const nameAt = (i: number) => `${base + i}_generated_step_${String(i).padStart(4, '0')}`;

// 5,000 more migration files; the older half recorded as applied, as on a long-lived project.
test.use({
  projectSetup: {
    prepare: async ({ migrationsDir, db }) => {
      const body = 'exports.up = (pgm) => { pgm.sql("SELECT 1"); };\nexports.down = (pgm) => { pgm.sql("SELECT 1"); };\n';
      await Promise.all(Array.from({ length: generated }, (_, i) => writeFile(join(migrationsDir, `${nameAt(i)}.js`), body)));
      await db.query('CREATE TABLE pgmigrations (id serial PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)');
      const applied = [...sampleNames, ...Array.from({ length: generated / 2 }, (_, i) => nameAt(i))];
      // The sample's tables are not created: status never executes migration files, it reads names only.
      await db.query(`INSERT INTO pgmigrations (name, run_on) SELECT n, now() - interval '1 day' + (i * interval '1 second') FROM unnest(ARRAY[${applied.map((n) => `'${n}'`).join(',')}]) WITH ORDINALITY AS t(n, i)`);
    },
  },
});

test('5,000 migrations stay smooth: virtualized rows, keyboard to the end', async ({ app }, testInfo) => {
  // 5,000 files written and read before the first paint.
  test.slow();
  const t = timeline(app);
  await expect(t.summary.getByTestId('pending-count')).toHaveText(`${generated / 2} pending`);
  // Only the visible window is in the DOM.
  expect(await t.rows.count()).toBeLessThan(80);
  await saveScreenshot(app, testInfo, 'five-thousand-top');

  await t.rows.first().focus();
  await app.keyboard.press('End');
  const last = t.row(nameAt(generated - 1));
  // How fast is the bench's business (npm run bench); here only that End reaches the last row.
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('data-state', 'pending');
  await saveScreenshot(app, testInfo, 'five-thousand-end');

  // Where applied meets pending, half way down.
  await app.getByTestId('migration-list-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight / 2 - el.clientHeight / 2; });
  await expect(t.row(nameAt(generated / 2))).toBeVisible();
  await saveScreenshot(app, testInfo, 'five-thousand-middle');
});
