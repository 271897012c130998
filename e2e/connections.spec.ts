import { expect, test } from './support/studioTest';
import { connections } from './support/connections';
import { saveScreenshot } from './support/timeline';

test('connections: import a DATABASE_URL, test it, rename it, delete it', async ({ app, studio }, testInfo) => {
  const drawer = connections(app);
  await drawer.open();
  await app.getByRole('button', { name: 'Import DATABASE_URL' }).click();
  const form = app.getByTestId('import-url-form');
  await form.getByLabel('DATABASE_URL').fill(studio.db.url);
  await form.getByLabel('Name (optional)').fill('Imported staging');
  await form.getByText('staging', { exact: true }).click();
  await form.getByRole('button', { name: 'Import', exact: true }).click();
  // The e2e server has no Secret Service (support/studioServer.ts): the import says the keychain is
  // unavailable and offers "this session only" instead of failing, never a password in a file.
  const sessionOnly = form.getByRole('button', { name: 'Import for this session only' });
  const card = drawer.card('Imported staging');
  await expect(form.getByTestId('inline-error')).toContainText(/keychain/i);
  await saveScreenshot(app, testInfo, 'import-keychain-unavailable');
  await sessionOnly.click();
  await expect(card).toContainText(`/${studio.db.name}`);
  await expect(card).toContainText('staging');
  // The password never comes back to the UI.
  await expect(app.getByTestId('connections-list')).not.toContainText(decodeURIComponent(new URL(studio.db.url).password));

  await card.getByRole('button', { name: 'Test Imported staging' }).click();
  await expect(card.getByTestId('connection-test-result')).toContainText('PostgreSQL 15');
  await saveScreenshot(app, testInfo, 'connection-tested');

  await card.getByRole('button', { name: 'Edit Imported staging' }).click();
  const edit = app.getByTestId('connection-form');
  await edit.getByLabel('Name').fill('Course Tracker staging');
  await edit.getByRole('button', { name: 'Save' }).click();
  const renamed = drawer.card('Course Tracker staging');
  await expect(renamed).toBeVisible();
  await expect(card).toHaveCount(0);

  await renamed.getByRole('button', { name: 'Delete Course Tracker staging' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete connection?' });
  await expect(confirm).toContainText('Course Tracker staging');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(renamed).toHaveCount(0);
  await saveScreenshot(app, testInfo, 'connection-deleted');
});
