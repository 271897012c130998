import { expect, reloadApp, test } from './support/studioTest';
import { shell } from './support/shell';
import { sample, saveScreenshot, timeline } from './support/timeline';

test('the rail switches sections on hash routes that survive a reload, and g-then-key shortcuts navigate', async ({ app }, testInfo) => {
  const s = shell(app);
  await expect(app).toHaveURL(/#\/timeline$/);
  await expect(s.rail.getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
  await saveScreenshot(app, testInfo, 'shell-rail-timeline');

  await s.goTo('Environments');
  await expect(app).toHaveURL(/#\/environments$/);
  await expect(app.getByTestId('environments-page')).toBeVisible();
  await reloadApp(app);
  await expect(app.getByTestId('environments-page')).toBeVisible();
  await expect(s.rail.getByRole('link', { name: 'Environments' })).toHaveAttribute('aria-current', 'page');
  // The run log belongs to the shell: it is there on every section.
  await expect(app.getByTestId('log-panel')).toBeVisible();
  await saveScreenshot(app, testInfo, 'shell-rail-environments');

  await app.keyboard.press('g');
  await app.keyboard.press('t');
  await expect(app).toHaveURL(/#\/timeline$/);
  await expect(timeline(app).row(sample.first)).toBeVisible();
});

test('the command palette lists every action with its shortcut and runs them from any section', async ({ app, studio }, testInfo) => {
  const s = shell(app);
  await s.goTo('Environments');
  await s.openPalette();
  for (const label of ['Go to Timeline', 'Go to Environments', 'Run pending migrations…', 'Rehearse pending migrations', 'Roll back the last migration…', 'Open connections…', 'Reload status', 'Show or hide the run log']) {
    await expect(s.palette.getByRole('button', { name: label })).toBeVisible();
  }
  await expect(s.palette.getByRole('button', { name: 'Go to Environments' })).toContainText(/G\s*E/);
  // Nothing applied yet: rolling back cannot succeed, and the palette says why.
  await expect(s.palette.getByRole('button', { name: 'Roll back the last migration…' })).toBeDisabled();
  await expect(s.palette.getByRole('button', { name: 'Roll back the last migration…' })).toContainText('Nothing is applied yet.');
  await saveScreenshot(app, testInfo, 'command-palette');

  // A run from the palette goes through the same confirmation, whichever section is on screen.
  await s.runFromPalette('run pending', 'Run pending migrations…');
  const t = timeline(app);
  await expect(t.dialog).toContainText('up (apply)');
  await t.confirm();
  await expect(app.getByTestId('log-panel')).toContainText('Last run succeeded', { timeout: 30_000 });
  const recorded = await studio.db.query<{ name: string }>('select name from pgmigrations order by id');
  expect(recorded.map((r) => r.name)).toEqual([sample.first, sample.second, sample.third]);

  await s.openPalette();
  await s.runFromPalette('timeline', 'Go to Timeline');
  await expect(t.summary.getByTestId('up-to-date')).toBeVisible();
});

test.describe('at 800 x 700', () => {
  test.use({ viewport: { width: 800, height: 700 } });

  test('no section scrolls sideways, and the header names the current database in full on hover', async ({ app, studio }, testInfo) => {
    const s = shell(app);
    const t = timeline(app);
    await expect(t.row(sample.third)).toBeVisible();
    expect(await s.horizontalOverflow()).toBeLessThanOrEqual(0);
    await expect(s.currentDatabase).toContainText(studio.db.name);
    await expect(s.currentDatabase).toContainText(new URL(studio.db.url).hostname);
    await s.currentDatabase.hover();
    await expect(app.getByRole('tooltip')).toContainText(`${decodeURIComponent(new URL(studio.db.url).username)}@${new URL(studio.db.url).hostname}:${new URL(studio.db.url).port}/${studio.db.name}`);
    await saveScreenshot(app, testInfo, 'timeline-800');

    // The run log open and a row failing or running must not widen the page either.
    await app.getByRole('button', { name: /Run log/ }).click();
    expect(await s.horizontalOverflow()).toBeLessThanOrEqual(0);

    await s.goTo('Environments');
    await expect(app.getByTestId('environments-page')).toBeVisible();
    expect(await s.horizontalOverflow()).toBeLessThanOrEqual(0);
    await saveScreenshot(app, testInfo, 'environments-800');
  });
});
