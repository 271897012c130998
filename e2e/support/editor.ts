import { expect, type Page } from '@playwright/test';

/** Monaco loads its chunks and the TypeScript worker on first open: slow on a loaded machine. */
export const monacoTimeout = 90_000;

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
  const monaco = page.locator('.monaco-editor').first();
  return {
    monaco,
    suggestions: page.locator('.monaco-editor .suggest-widget'),
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
  };
}
