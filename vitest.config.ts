import { defineConfig } from 'vitest/config';

// Three suites: unit (no services), integration (a real PostgreSQL, started once by the global
// setup or taken from TEST_DATABASE_URL) and keychain (a real Secret Service, see scripts/with-keyring.sh).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.keychain.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src-main/**/*.int.test.ts'],
          globalSetup: ['src-main/test-support/cliBundleGlobalSetup.ts', 'src-main/test-support/postgresGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'keychain',
          include: ['src-main/**/*.keychain.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
