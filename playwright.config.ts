import { defineConfig } from '@playwright/test';

// Server mode in Debian's Chromium against a real PostgreSQL (see e2e/support/globalSetup.ts).
// The browser binary is the system one: `npx playwright install` is never needed.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/globalSetup.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Sized for CI machines about three times slower than a developer's, with other work on the cores:
  // every wait is for a real server, a real database and a real browser, never a fixed sleep.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    navigationTimeout: 60_000,
    actionTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
