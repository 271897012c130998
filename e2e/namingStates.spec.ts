import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/studioTest';
import { sample, saveScreenshot, timeline } from './support/timeline';

/** Serious or critical axe findings on the timeline rows: the error row must stay readable. */
async function rowViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="migration-row"]').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('two files with one name', () => {
  test.use({
    projectSetup: {
      // A .sql file next to the sample's .js with the same name: node-pg-migrate would run both.
      prepare: ({ migrationsDir }) => writeFile(join(migrationsDir, `${sample.third}.sql`), 'CREATE TABLE shadow (id int);'),
    },
  });

  test('is one row in error that names both files and says to rename one', async ({ app }, testInfo) => {
    // Two axe passes and a theme switch on top of a server start: generous for a loaded CI machine.
    test.setTimeout(180_000);
    const row = timeline(app).row(sample.third);
    await expect(timeline(app).rows).toHaveCount(3);
    await expect(row).toHaveAttribute('data-state', 'duplicate-name');
    await expect(row.getByTestId('migration-state')).toHaveText('Duplicate');
    await expect(row.getByTestId('duplicate-files')).toHaveText(`${sample.third}.js and ${sample.third}.sql share this name: rename one. No run starts until then.`);
    await expect(timeline(app).summary).toContainText('0 applied of 3 · 1 duplicate name');
    await saveScreenshot(app, testInfo, 'duplicate-name');
    expect(await rowViolations(app)).toEqual([]);
    await app.getByTestId('theme-toggle').click();
    await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    expect(await rowViolations(app)).toEqual([]);
    await saveScreenshot(app, testInfo, 'duplicate-name-dark');
  });
});

test.describe('a recorded migration whose file is gone', () => {
  const gone = '1734567880000_removed_long_ago';
  test.use({
    projectSetup: {
      prepare: async ({ db }) => {
        await db.query('CREATE TABLE pgmigrations (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)');
        await db.query(`INSERT INTO pgmigrations (name, run_on) VALUES ('${gone}', now() - interval '1 day'), ('${sample.first}', now())`);
      },
    },
  });

  test('counts as applied, as the CLI counts it', async ({ app }, testInfo) => {
    test.setTimeout(120_000);
    await expect(timeline(app).row(gone)).toHaveAttribute('data-state', 'missing-file');
    // 2 recorded in pgmigrations (the missing file included) of 4 rows; `pgm-studio status` says "2 applied" too.
    await expect(timeline(app).summary).toContainText('2 applied of 4 · 1 missing file');
    await saveScreenshot(app, testInfo, 'missing-file-count');
  });
});
