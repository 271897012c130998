import { expect, type Page } from '@playwright/test';

/** Monaco loads its chunks and the TypeScript worker on first open: slow on a loaded machine. */
export const monacoTimeout = 90_000;
/** The first up-down-up test starts the sandbox PostgreSQL and replays the project: minutes on CI. */
export const upDownUpTimeout = 240_000;

/** What gives Monaco away in a request: its chunks, its workers, its codicon font. */
export const monacoRequest = /editor\.api|EditorPage|editor\.worker|ts\.worker|tsMode|codicon|DiffEditor|EditedAfterApplyDiff/;

/** Every CSP violation the page reports, collected from the first script on: a spec fails on any. */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    // Chromium's wording for a blocked load; the meta tag's ignored frame-ancestors is no violation.
    if (/Refused to|violates the following Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(`
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  return async () => [...fromConsole, ...(await page.evaluate<string[]>('window.__cspViolations ?? []'))];
}

/** Page helpers for the editor section: Monaco, its suggestions, the panes beside it. */
export function editor(page: Page) {
  const monaco = page.getByTestId('code-editor').locator('.monaco-editor');
  const upDownUp = page.getByTestId('up-down-up');
  return {
    monaco,
    suggestions: page.locator('.monaco-editor .suggest-widget.visible'),
    previewUp: page.getByTestId('preview-up'),
    previewDown: page.getByTestId('preview-down'),
    lint: page.getByTestId('lint-pane'),
    upDownUp,
    workspace: page.getByTestId('editor-workspace'),
    async ready() {
      await expect(monaco).toBeVisible({ timeout: monacoTimeout });
    },
    /** Types like an operator, key by key: Monaco's suggestions react to each one. */
    async type(text: string) {
      await page.keyboard.type(text, { delay: 80 });
    },
    /** Puts the cursor at the end of the first line containing `text`. */
    async clickLine(text: string) {
      await monaco.locator('.view-line', { hasText: text }).first().click();
      await page.keyboard.press('End');
    },
    /** The new-migration form, filled and submitted: the draft opens in Monaco. */
    async startNew({ name, template, table }: { name: string; template: string; table?: string }) {
      await page.getByTestId('new-migration').click();
      const dialog = page.getByRole('dialog', { name: 'New migration' });
      await dialog.getByTestId('new-migration-name').fill(name);
      await dialog.getByTestId('new-migration-template').click();
      await page.getByRole('option', { name: template, exact: true }).click();
      if (table !== undefined) await dialog.getByTestId('new-migration-table').fill(table);
      await dialog.getByRole('button', { name: 'Open in the editor' }).click();
      await expect(dialog).toBeHidden();
      await expect(monaco).toBeVisible({ timeout: monacoTimeout });
    },
    async runUpDownUp() {
      await upDownUp.getByRole('button', { name: 'Test up → down → up' }).click();
      await expect(upDownUp).not.toHaveAttribute('data-outcome', /idle|running/, { timeout: upDownUpTimeout });
    },
  };
}
