// `npm start` where Electron's binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1): what
// happened and what to do, exit 1, no stack trace.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { electronBinaryProblem } from './start.mjs';

const script = fileURLToPath(new URL('./start.mjs', import.meta.url));
const binaryMissingHere = electronBinaryProblem() !== null;

describe('scripts/start.mjs', () => {
  it('finds the problem whether require("electron") throws or names a missing file', () => {
    expect(electronBinaryProblem(() => { throw new Error('Electron failed to install correctly, please delete node_modules/electron'); })).toMatch(/failed to install/);
    expect(electronBinaryProblem(() => '/nonexistent/electron')).toBe('the binary is missing (/nonexistent/electron)');
    expect(electronBinaryProblem(() => process.execPath)).toBeNull();
  });

  // CI installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1, so the binary is absent there (and here); a
  // developer machine with Electron installed would open the app instead, so the run is skipped there.
  it.skipIf(!binaryMissingHere)('without the binary: says what happened and what to do, exit 1, no stack', () => {
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: Electron's binary is not installed, so the desktop app cannot start/m);
    expect(run.stderr).toContain('node node_modules/electron/install.js');
    expect(run.stderr).toContain('npm run serve');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.stdout).toBe('');
  });
});
