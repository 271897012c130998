import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/studioTest';
import { sample, saveScreenshot, timeline } from './support/timeline';

const partDone = '1734567890003_index_users_concurrently';

// A noTransaction migration whose first statement (an index built CONCURRENTLY) commits, then fails.
test.use({
  projectSetup: {
    prepare: async ({ migrationsDir }) => {
      await writeFile(
        join(migrationsDir, `${partDone}.js`),
        `exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.createIndex('users', 'created_at', { concurrently: true, name: 'users_created_at_idx' });
  pgm.sql('SELECT 1 / 0');
};
exports.down = (pgm) => { pgm.noTransaction(); pgm.dropIndex('users', 'created_at', { concurrently: true, name: 'users_created_at_idx' }); };
`,
      );
    },
  },
});

test('a noTransaction migration failing part-way shows what it left, that it is not recorded, and how to undo it', async ({ app, studio }, testInfo) => {
  test.setTimeout(120_000);
  const t = timeline(app);
  await expect(t.rows).toHaveCount(4);
  await t.runPending();
  await t.confirm();

  const failed = t.row(partDone);
  await expect(failed).toHaveAttribute('data-progress', 'failed', { timeout: 60_000 });
  const aftermath = failed.getByTestId('failure-aftermath');
  await expect(aftermath).toContainText('failed at its statement 2');
  await expect(aftermath).toContainText('not recorded');
  await expect(aftermath.getByTestId('aftermath-schema')).toContainText('added index users_created_at_idx on public.users');
  await expect(aftermath.getByTestId('aftermath-undo')).toHaveText('DROP INDEX CONCURRENTLY IF EXISTS "public"."users_created_at_idx";');
  await expect(aftermath.getByTestId('aftermath-record')).toContainText(`VALUES ('${partDone}', NOW())`);
  await expect(aftermath.getByTestId('aftermath-recorded')).toContainText(sample.third);
  await failed.scrollIntoViewIfNeeded();
  await saveScreenshot(app, testInfo, 'no-transaction-leftovers');

  // What the view says is what the database holds.
  const index = await studio.db.query("select 1 from pg_indexes where indexname = 'users_created_at_idx'");
  expect(index).toHaveLength(1);
  const recorded = await studio.db.query<{ name: string }>('select name from pgmigrations order by id');
  expect(recorded.map((r) => r.name)).toEqual([sample.first, sample.second, sample.third]);
});
