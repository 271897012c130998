import { expect, test } from './support/studioTest';
import { editor, monacoTimeout, recordCspViolations } from './support/editor';
import { saveScreenshot } from './support/timeline';

test('the editor offers pgm.createTable from node-pg-migrate\'s own types, under the CSP', async ({ app, studio }, testInfo) => {
  const violations = await recordCspViolations(app);
  await app.goto(`${studio.server.url}#/editor`);
  const ed = editor(app);
  await ed.ready();
  await ed.clickLine('exports.up');
  await app.keyboard.press('Enter');
  await ed.type('pgm.createT');
  await expect(ed.suggestions).toBeVisible({ timeout: monacoTimeout });
  await expect(ed.suggestions).toContainText('createTable', { timeout: monacoTimeout });
  await saveScreenshot(app, testInfo, 'editor-completions');
  expect(await violations()).toEqual([]);
});
