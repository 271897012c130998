import type { Page } from '@playwright/test';

/** Page helpers for the connections drawer. */
export function connections(page: Page) {
  return {
    async open() {
      await page.getByRole('button', { name: 'Connections', exact: true }).click();
    },
    card: (name: string) => page.getByTestId('connection-card').filter({ hasText: name }),
  };
}
