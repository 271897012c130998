import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export const sample = {
  first: '1734567890000_initial_database_setup',
  second: '1734567890001_episode_notes_favorites',
  third: '1734567890002_add_user_preferences',
} as const;
export const sampleNames = [sample.first, sample.second, sample.third];

/** Page helpers for the timeline: the clicks every spec repeats. */
export function timeline(page: Page) {
  const row = (name: string): Locator => page.locator(`[data-testid="migration-row"][data-name="${name}"]`);
  const dialog = page.getByRole('dialog');
  const runPendingButton = page.getByRole('button', { name: 'Run pending', exact: true });
  const confirmButton = dialog.getByTestId('confirm-run');
  /** Opens the confirmation for "Run pending". */
  const runPending = async () => {
    await runPendingButton.click();
    await expect(dialog).toBeVisible();
  };
  return {
    row,
    rows: page.getByTestId('migration-row'),
    summary: page.getByTestId('timeline-summary'),
    runPendingButton,
    rehearsalDrawer: page.getByTestId('rehearsal-drawer'),
    dialog,
    confirmButton,
    async expectStates(states: Record<string, string>) {
      for (const [name, state] of Object.entries(states)) await expect(row(name)).toHaveAttribute('data-state', state);
    },
    runPending,
    /**
     * "Run pending" on a production connection: the confirmation says so and its Run stays disabled
     * until the database name is typed. Returns that name field.
     */
    async runPendingOnProduction(): Promise<Locator> {
      await runPending();
      await expect(dialog).toContainText('This is a PRODUCTION database');
      await expect(confirmButton).toBeDisabled();
      return dialog.getByTestId('confirm-database-name');
    },
    async rollBackTo(name: string) {
      await row(name).getByRole('button', { name: `Roll back to here: ${name}` }).click();
      await expect(dialog).toBeVisible();
    },
    async confirm() {
      await confirmButton.click();
      await expect(dialog).toBeHidden();
    },
    async planListed(): Promise<string[]> {
      return dialog.getByTestId('confirm-plan').locator('li').allInnerTexts();
    },
  };
}

/** Every spec leaves a picture of what the operator saw. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}
