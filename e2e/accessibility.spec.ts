import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, reloadApp, test } from './support/studioTest';
import { sample, saveScreenshot, timeline } from './support/timeline';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.any[0]?.message ?? ''}`).slice(0, 8) }));
}

test('the timeline has no serious or critical axe violation, in light and dark themes', async ({ app }, testInfo) => {
  // Two full axe passes and a reload: the heaviest spec on a slow machine.
  test.slow();
  const t = timeline(app);
  // Some applied and some pending rows, so every row variant is checked.
  await t.row(sample.first).getByRole('button', { name: `Run up to here: ${sample.first}` }).click();
  await t.confirm();
  await t.expectStates({ [sample.first]: 'applied', [sample.second]: 'pending' });
  expect(await seriousViolations(app)).toEqual([]);

  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(await seriousViolations(app)).toEqual([]);
  await saveScreenshot(app, testInfo, 'timeline-dark');

  // The choice outlives a reload.
  await reloadApp(app);
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});

test.describe('with the OS in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('the theme follows the OS until the operator picks one', async ({ app }, testInfo) => {
    await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await saveScreenshot(app, testInfo, 'os-dark');
    await app.getByTestId('theme-toggle').click();
    await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
  });
});

test('the timeline is keyboard reachable: rows take focus, arrows move, Tab reaches the actions', async ({ app }, testInfo) => {
  const t = timeline(app);
  await t.row(sample.first).focus();
  await app.keyboard.press('ArrowDown');
  await expect(t.row(sample.second)).toBeFocused();
  // Tab follows the row left to right: the file's "Open in editor" link, then the run actions.
  await app.keyboard.press('Tab');
  await expect(t.row(sample.second).getByRole('link', { name: `Open in editor: ${sample.second}` })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(app.getByRole('button', { name: `Run up to here: ${sample.second}` })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(t.dialog).toBeVisible();
  // Focus lands on Cancel: a stray Enter never runs anything.
  await expect(t.dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await saveScreenshot(app, testInfo, 'keyboard-confirm');
  await app.keyboard.press('Escape');
  await expect(t.dialog).toBeHidden();
});
