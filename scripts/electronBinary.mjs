// Where node_modules/electron's binary is, or why there is none (ELECTRON_SKIP_BINARY_DOWNLOAD=1 installs
// the package without it). Shared by `npm run test:electron` and its Playwright spec.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {{ path: string } | { missing: string }} */
export function electronBinary() {
  try {
    const path = require('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { missing: `node_modules/electron has no binary at ${path}` };
  } catch (error) {
    return { missing: `node_modules/electron has no binary (${String(error instanceof Error ? error.message : error).split('\n')[0]})` };
  }
}

export const skipReason = (missing) =>
  `test:electron skipped: ${missing}; it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1. Run \`node node_modules/electron/install.js\` to fetch it.`;
