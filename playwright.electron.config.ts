import { defineConfig } from '@playwright/test';

// `npm run test:electron`: the desktop scenarios in the real Electron (e2e/electron/), where its
// binary is installed. One app at a time: each starts its own sandbox PostgreSQL.
export default defineConfig({
  testDir: 'e2e/electron',
  testMatch: '**/*.electron.ts',
  outputDir: 'test-results/electron',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
