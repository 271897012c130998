import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, reloadApp, test } from './support/studioTest';
import { editor, monacoRequest, monacoTimeout, recordCspViolations, upDownUpTimeout } from './support/editor';
import { shell } from './support/shell';
import { saveScreenshot, timeline } from './support/timeline';

test.describe('editor', () => {
  // Monaco's first load, the sandbox PostgreSQL's first start and a replay: generous on a slow machine.
  test.describe.configure({ timeout: 2 * upDownUpTimeout + monacoTimeout });

  test('the timeline\'s first paint fetches no Monaco chunk; opening the editor does', async ({ page, studio }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${studio.server.url}#/timeline`, { timeout: monacoTimeout });
    await expect(timeline(page).rows).toHaveCount(3, { timeout: monacoTimeout });
    expect(requested.filter((url) => monacoRequest.test(url))).toEqual([]);

    await shell(page).goTo('Editor');
    await expect(page.getByTestId('editor-page')).toBeVisible({ timeout: monacoTimeout });
    await page.getByTestId('editor-migration').first().click();
    await editor(page).ready();
    expect(requested.some((url) => /editor\.api/.test(url))).toBe(true);
  });

  test('a new migration from a template: completions, live SQL, up-down-up green, created as pending', async ({ app, studio }, testInfo) => {
    const ed = editor(app);
    await shell(app).goTo('Editor');
    await ed.startNew({ name: 'create_course_tags_table', template: 'Create table', table: 'course_tags' });
    await expect(ed.previewUp).toContainText('CREATE TABLE "course_tags"', { timeout: monacoTimeout });
    await expect(ed.previewDown).toContainText('DROP TABLE "course_tags"');

    // pgm. IntelliSense from node-pg-migrate's own declarations.
    await ed.clickLine('});');
    await app.keyboard.press('Enter');
    await ed.type('pgm.createT');
    await expect(ed.suggestions).toBeVisible({ timeout: monacoTimeout });
    await expect(ed.suggestions.getByRole('option', { name: /^createTable/ })).toBeVisible();
    await saveScreenshot(app, testInfo, 'editor-completions');
    // A statement broken on purpose: the preview says where instead of showing stale SQL.
    await app.keyboard.press('Escape');
    await ed.type(' {');
    await expect(ed.previewUp).toHaveAttribute('data-outcome', 'error', { timeout: monacoTimeout });
    await expect(ed.previewUp).toContainText(/Line 1[67], column \d+/);
    await app.keyboard.press('Home');
    await app.keyboard.press('Shift+End');
    await app.keyboard.press('Delete');

    // The SQL follows the text as it is typed.
    await ed.clickLine("id: 'id',");
    await app.keyboard.press('Enter');
    await ed.type("title: { type: 'text' },");
    await expect(ed.previewUp).toContainText('"title" text', { timeout: monacoTimeout });
    await expect(ed.previewUp).toHaveAttribute('data-outcome', 'sql');

    await ed.runUpDownUp();
    await expect(ed.upDownUp).toHaveAttribute('data-outcome', 'passed');
    await expect(ed.upDownUp.getByTestId('up-down-up-step')).toHaveCount(4);

    await ed.workspace.getByRole('button', { name: 'Create migration' }).click();
    await expect(ed.workspace).toHaveAttribute('data-document', 'file', { timeout: monacoTimeout });
    await expect(ed.workspace.getByTestId('editor-title')).toHaveText(/^\d+_create_course_tags_table\.js$/);
    await expect(ed.workspace.getByTestId('unsaved-badge')).toHaveCount(0);

    // Changed on disk by something else since it was opened: Ctrl+S refuses, offers a diff and a reload.
    const file = join(studio.migrationsDir, await ed.workspace.getByTestId('editor-title').innerText());
    await writeFile(file, `${await readFile(file, 'utf8')}// changed elsewhere\n`);
    await ed.clickLine('exports.down');
    await ed.type(' ');
    await app.keyboard.press('ControlOrMeta+KeyS');
    const changed = app.getByRole('dialog', { name: 'The file changed on disk' });
    await expect(changed).toBeVisible({ timeout: monacoTimeout });
    await changed.getByRole('button', { name: 'Compare' }).click();
    await expect(changed.locator('.monaco-diff-editor')).toBeVisible({ timeout: monacoTimeout });
    await changed.getByRole('button', { name: 'Reload from disk' }).click();
    await expect(changed).toBeHidden();
    await expect(ed.monaco).toContainText('// changed elsewhere');
    await expect(ed.workspace.getByTestId('unsaved-badge')).toHaveCount(0);

    // Unsaved changes are not left behind without a word.
    await ed.clickLine('exports.down');
    await ed.type(' ');
    await shell(app).goTo('Timeline');
    const unsaved = app.getByRole('dialog', { name: 'Unsaved changes' });
    await expect(unsaved).toBeVisible();
    await unsaved.getByRole('button', { name: 'Discard and leave' }).click();
    const created = timeline(app).rows.filter({ hasText: 'create_course_tags_table' });
    await expect(created).toHaveAttribute('data-state', 'pending', { timeout: monacoTimeout });
  });

  test('node-pg-migrate\'s types check a JS migration: a clean template, a wrong option underlined, docs on hover', async ({ app }) => {
    const ed = editor(app);
    await shell(app).goTo('Editor');
    await ed.startNew({ name: 'add_nickname_to_users', template: 'Create table', table: 'nicknames' });
    await expect(ed.previewUp).toContainText('CREATE TABLE "nicknames"', { timeout: monacoTimeout });
    const errors = ed.monaco.locator('.squiggly-error');
    await ed.clickLine('});');
    await app.keyboard.press('Enter');
    await app.keyboard.insertText("pgm.addColumn('users', { nick: { typo: 'text' } });");
    // Exactly one error, on the option that does not exist: the template itself checks clean.
    await expect(errors).toHaveCount(1, { timeout: monacoTimeout });
    await errors.first().hover({ force: true });
    await expect(app.locator('.monaco-hover').filter({ hasText: "'typo' does not exist in type 'ColumnDefinition'" })).toBeVisible({ timeout: monacoTimeout });
    await app.mouse.move(0, 0);
    await ed.monaco.locator('.view-line span', { hasText: 'addColumn' }).last().hover();
    await expect(app.locator('.monaco-hover').filter({ hasText: 'Add a column to a table.' })).toBeVisible({ timeout: monacoTimeout });
  });

  // Zod probes for eval once per schema build unless told not to (src-renderer/lib/zodWithoutEval.ts).
  test('opening a migration in the editor reports no CSP violation', async ({ app }) => {
    const violations = await recordCspViolations(app);
    await reloadApp(app);
    await shell(app).goTo('Editor');
    await app.getByTestId('editor-migration').first().click();
    const ed = editor(app);
    await ed.ready();
    await expect(ed.previewUp).toHaveAttribute('data-outcome', 'sql', { timeout: monacoTimeout });
    expect(await violations()).toEqual([]);
  });

  test.describe('a down that forgets the index its up created', () => {
    const forgetful = '1734567890003_add_email_index_forgotten_in_down';
    test.use({
      projectSetup: {
        async prepare({ migrationsDir }) {
          await writeFile(join(migrationsDir, `${forgetful}.js`), [
            '/** @param pgm {import(\'node-pg-migrate\').MigrationBuilder} */',
            "exports.up = (pgm) => { pgm.createIndex('users', 'display_name', { name: 'users_display_name_idx' }); };",
            '/** @param pgm {import(\'node-pg-migrate\').MigrationBuilder} */',
            'exports.down = () => {};',
            '',
          ].join('\n'));
        },
      },
    });

    test('fails the up-down-up test, names the index and shows the schema diff', async ({ app }, testInfo) => {
      await timeline(app).row(forgetful).getByRole('link', { name: `Open in editor: ${forgetful}` }).click();
      const ed = editor(app);
      await ed.ready();
      await ed.runUpDownUp();
      await expect(ed.upDownUp).toHaveAttribute('data-outcome', 'failed');
      await expect(ed.upDownUp.getByTestId('up-down-up-difference').first()).toContainText('users_display_name_idx');
      const diff = ed.upDownUp.getByTestId('up-down-up-diff');
      await expect(diff.locator('.monaco-diff-editor')).toBeVisible({ timeout: monacoTimeout });
      await expect(diff).toContainText('users_display_name_idx', { timeout: monacoTimeout });
      await ed.upDownUp.getByTestId('up-down-up-failed').scrollIntoViewIfNeeded();
      await saveScreenshot(app, testInfo, 'editor-up-down-up-failed');
    });
  });
});
