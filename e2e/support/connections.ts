import { expect, type Page } from '@playwright/test';

/** Page helpers for the connections drawer. */
export function connections(page: Page) {
  return {
    async open() {
      await page.getByRole('button', { name: 'Connections', exact: true }).click();
    },
    /** Escape, then wait for the drawer to be gone: a dialog opened next must not find it still closing. */
    async close() {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Connections' })).toBeHidden();
    },
    card: (name: string) => page.getByTestId('connection-card').filter({ hasText: name }),
  };
}
