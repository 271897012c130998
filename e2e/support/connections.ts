import { expect, type Page } from '@playwright/test';

export interface NewConnectionFields {
  name: string;
  host: string;
  port: string;
  database: string;
  user: string;
  password?: string;
  /** The environment radio to pick, e.g. 'production'. */
  environment?: string;
}

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
    /**
     * Add connection, then fill the form: always "this session only" (a test never touches the
     * machine's real keychain), then the environment when given. Returns the form, not yet saved.
     */
    async fillNewConnection(fields: NewConnectionFields) {
      await page.getByRole('button', { name: 'Add connection' }).click();
      const form = page.getByTestId('connection-form');
      await form.getByLabel('Name').fill(fields.name);
      await form.getByLabel('Host').fill(fields.host);
      await form.getByLabel('Port').fill(fields.port);
      await form.getByLabel('Database').fill(fields.database);
      await form.getByLabel('User').fill(fields.user);
      if (fields.password !== undefined) await form.getByLabel('Password', { exact: true }).fill(fields.password);
      await form.getByLabel(/this session only/).check();
      if (fields.environment) await form.getByText(fields.environment, { exact: true }).click();
      return form;
    },
  };
}
