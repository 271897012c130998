// Import boundaries from STYLE.md: a wrong import is a lint error, not a review comment.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'The engine, CLI and server run in plain Node: no electron import here.' };
// Types of pg may be named anywhere; connecting, pooling and error mapping happen only in core/database.
const noPg = { name: 'pg', allowTypeImports: true, message: 'Reach PostgreSQL through src-main/core/database (connect, withClient, checkoutClient).' };

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'stream', 'events', 'util'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'migrations/**', 'e2e/fixtures/**', 'bench/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/cli/**/*.ts', 'src-main/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, noPg] }],
    },
  },
  {
    files: ['src-main/handlers/**/*.ts', 'src-main/ipc/**/*.ts', 'src-main/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noPg] }],
    },
  },
  {
    // core/database is the one place that reaches PostgreSQL; tests and their fixtures may set up a database directly.
    files: ['src-main/core/database/**/*.ts', 'src-main/**/*.test.ts', 'src-main/test-support/**/*.ts', 'src-main/**/fixtures/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['src-main/main.ts', 'src-main/preload.ts', 'src-main/ipc/**/*.ts', 'src-main/security/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/*', './server/*'], message: 'The Electron door imports nothing from server/: share through core/ or security/.' }] }],
    },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.filter((n) => !n.includes('*')).concat(['electron']).map((name) => ({ name, message: 'contract/ imports neither Node nor the DOM.' })),
        patterns: [{ group: ['node:*', '../core/*', '../ipc/*', '../server/*', '../cli/*'], message: 'contract/ imports only zod and itself.' }],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: ['electron', ...nodeBuiltins.filter((n) => !n.includes('*'))].map((name) => ({ name, message: 'The renderer runs in a browser sandbox.' })),
        patterns: [
          { group: ['node:*'], message: 'The renderer runs in a browser sandbox.' },
          { regex: 'src-main/(?!contract)', message: 'The renderer may import only src-main/contract.' },
        ],
      }],
    },
  },
);
