#!/usr/bin/env node
// `npm start`: open the desktop app (electron-vite preview), but first check that Electron's binary
// is there. An install made with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (CI, containers, this repo's
// .ci/run) has the electron package without its binary, and electron-vite would only print a stack.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Why Electron cannot start here, or null. `resolveElectron` is require('electron') (the binary's path). */
export function electronBinaryProblem(resolveElectron = () => require('electron')) {
  let binary;
  try {
    binary = resolveElectron();
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return `the binary is missing (${String(binary)})`;
  return null;
}

export function missingElectronMessage(problem) {
  return [
    `error: Electron's binary is not installed, so the desktop app cannot start (${problem}).`,
    '  This happens when dependencies were installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1.',
    'hint: either install the binary (needs network): node node_modules/electron/install.js',
    '      then run npm start again;',
    '      or use the app in your browser, no Electron needed: npm run serve',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problem = electronBinaryProblem();
  if (problem) {
    process.stderr.write(`${missingElectronMessage(problem)}\n`);
    process.exitCode = 1;
  } else {
    const child = spawn(process.execPath, [join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'), 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
    child.on('exit', (code, signal) => (process.exitCode = code ?? (signal ? 1 : 0)));
  }
}
