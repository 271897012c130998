import { expect, test } from './support/studioTest';
import { connections } from './support/connections';
import { sample, saveScreenshot, timeline } from './support/timeline';

test('on a production connection the run stays disabled until the database name is typed', async ({ app, studio }, testInfo) => {
  const target = new URL(studio.db.url);
  const dbName = studio.db.name;

  // Save a production profile for the test database through the connections drawer, then use it.
  const drawer = connections(app);
  await drawer.open();
  await app.getByRole('button', { name: 'Add connection' }).click();
  const form = app.getByTestId('connection-form');
  await form.getByLabel('Name').fill('Course Tracker production');
  await form.getByLabel('Host').fill(target.hostname);
  await form.getByLabel('Port').fill(target.port);
  await form.getByLabel('Database').fill(dbName);
  await form.getByLabel('User').fill(decodeURIComponent(target.username));
  await form.getByLabel('Password', { exact: true }).fill(decodeURIComponent(target.password));
  // Never touch the machine's real keychain from a test.
  await form.getByLabel(/this session only/).check();
  await form.getByText('production', { exact: true }).click();
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
  await t.runPending();
  await expect(t.dialog).toContainText('This is a PRODUCTION database');
  await expect(t.confirmButton).toBeDisabled();
  const typed = t.dialog.getByTestId('confirm-database-name');
  await typed.fill(`${dbName}x`);
  await expect(t.confirmButton).toBeDisabled();
  await typed.fill(dbName.slice(0, -1));
  await expect(t.confirmButton).toBeDisabled();
  await saveScreenshot(app, testInfo, 'production-guard-locked');
  await typed.fill(dbName);
  await expect(t.confirmButton).toBeEnabled();
  await t.confirm();

  await expect(t.summary.getByTestId('up-to-date')).toBeVisible();
  await t.expectStates({ [sample.first]: 'applied', [sample.second]: 'applied', [sample.third]: 'applied' });
  await saveScreenshot(app, testInfo, 'production-applied');
});
