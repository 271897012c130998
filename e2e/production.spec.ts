import { expect, test } from './support/studioTest';
import { connections } from './support/connections';
import { sample, saveScreenshot, timeline } from './support/timeline';

test('on a production connection the run stays disabled until the database name is typed', async ({ app, studio }, testInfo) => {
  // Many steps, each waiting on the server: generous for a loaded (or 3x slower) machine.
  test.setTimeout(180_000);
  const target = new URL(studio.db.url);
  const dbName = studio.db.name;

  // Save a production profile for the test database through the connections drawer, then use it.
  const drawer = connections(app);
  await drawer.open();
  const form = await drawer.fillNewConnection({
    name: 'Course Tracker production',
    host: target.hostname,
    port: target.port,
    database: dbName,
    user: decodeURIComponent(target.username),
    password: decodeURIComponent(target.password),
    environment: 'production',
  });
  await expect(form.getByRole('radio', { name: 'production' })).toBeChecked();
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByTestId('connection-test-result')).toContainText('PostgreSQL 15');
  await saveScreenshot(app, testInfo, 'production-profile-form');
  await form.getByRole('button', { name: 'Save' }).click();

  const card = drawer.card('Course Tracker production');
  await expect(card.getByTestId('production-badge')).toBeVisible();
  await card.getByRole('button', { name: 'Use Course Tracker production' }).click();
  await expect(card).toContainText('In use');
  await drawer.close();
  await expect(app.getByTestId('connection-switcher').getByTestId('production-badge')).toBeVisible();

  const t = timeline(app);
  await t.expectStates({ [sample.first]: 'pending' });
  const typed = await t.runPendingOnProduction();
  await typed.fill(`${dbName}x`);
  await expect(t.confirmButton).toBeDisabled();
  await typed.fill(dbName.slice(0, -1));
  await expect(t.confirmButton).toBeDisabled();
  await saveScreenshot(app, testInfo, 'production-guard-locked');
  await typed.fill(dbName);
  await expect(t.confirmButton).toBeEnabled();
  await t.confirm();

  await expect(t.summary.getByTestId('up-to-date')).toBeVisible({ timeout: 60_000 });
  await t.expectStates({ [sample.first]: 'applied', [sample.second]: 'applied', [sample.third]: 'applied' });
  await saveScreenshot(app, testInfo, 'production-applied');
});

test('a --database-url that reaches a saved production database asks for its name too, and sends it', async ({ app, studio }, testInfo) => {
  test.setTimeout(180_000);
  const target = new URL(studio.db.url);
  const dbName = studio.db.name;
  // The server was started with --database-url; save a production connection for the same database,
  // spelling the host the other loopback way. Saving it does not select it: the URL stays current.
  const otherSpelling = target.hostname === '127.0.0.1' ? 'localhost' : target.hostname === 'localhost' ? '127.0.0.1' : target.hostname;
  const drawer = connections(app);
  await drawer.open();
  const form = await drawer.fillNewConnection({
    name: 'Course Tracker production',
    host: otherSpelling,
    port: target.port || '5432',
    database: dbName,
    user: decodeURIComponent(target.username),
    environment: 'production',
  });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(drawer.card('Course Tracker production')).toBeVisible();
  await expect(drawer.card('Course Tracker production')).not.toContainText('In use');
  await expect(drawer.card('DATABASE_URL')).toContainText('In use');
  await drawer.close();
  // The URL entry now shows as production wherever the current connection is shown.
  await expect(app.getByTestId('connection-switcher').getByTestId('production-badge')).toBeVisible();

  const t = timeline(app);
  await t.expectStates({ [sample.first]: 'pending' });
  const typed = await t.runPendingOnProduction();
  await expect(t.dialog.getByTestId('production-match')).toContainText('Course Tracker production');
  await typed.fill(`${dbName}_prod`);
  await expect(t.confirmButton).toBeDisabled();
  await saveScreenshot(app, testInfo, 'production-url-target-locked');
  await typed.fill(dbName);
  await expect(t.confirmButton).toBeEnabled();
  await saveScreenshot(app, testInfo, 'production-url-target-unlocked');
  await t.confirm();

  // The engine ran it because the name went along (without it, the guard would have refused).
  await expect(t.summary.getByTestId('up-to-date')).toBeVisible({ timeout: 60_000 });
  await t.expectStates({ [sample.first]: 'applied', [sample.second]: 'applied', [sample.third]: 'applied' });
  const rows = await studio.db.query<{ name: string }>('select name from pgmigrations order by id');
  expect(rows.map((row) => row.name)).toEqual([sample.first, sample.second, sample.third]);
});
