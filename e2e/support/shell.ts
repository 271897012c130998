import { expect, type Page } from '@playwright/test';

/** Page helpers for the workbench shell: the rail, the hash routes, the command palette. */
export function shell(page: Page) {
  const palette = page.getByRole('dialog').filter({ has: page.getByRole('textbox', { name: 'Search actions' }) });
  return {
    rail: page.getByRole('navigation', { name: 'Sections' }),
    palette,
    currentDatabase: page.getByTestId('current-database'),
    async goTo(section: 'Timeline' | 'Editor' | 'Schema' | 'Backups' | 'History' | 'Environments' | 'Project') {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click();
    },
    async openPalette() {
      await page.keyboard.press('ControlOrMeta+KeyK');
      await expect(palette).toBeVisible();
    },
    /** Types into the palette and runs the one action whose label matches. */
    async runFromPalette(query: string, label: string | RegExp) {
      await palette.getByRole('textbox', { name: 'Search actions' }).fill(query);
      await palette.getByRole('button', { name: label }).click();
      await expect(palette).toBeHidden();
    },
    /** Whether the page scrolls sideways: it must not, at any width we support. */
    async horizontalOverflow(): Promise<number> {
      // A string: the e2e project has no DOM types, and this runs in the page.
      return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    },
  };
}
