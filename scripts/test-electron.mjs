// `npm run test:electron`: the desktop scenarios against the real Electron binary with Playwright's
// _electron.launch. Where node_modules/electron has no binary (as in CI), print why and skip.
import { spawnSync } from 'node:child_process';
import { electronBinary, skipReason } from './electronBinary.mjs';

const binary = electronBinary();
if ('missing' in binary) {
  console.log(skipReason(binary.missing));
  process.exit(0);
}
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
const built = run('npm', ['run', 'build']);
process.exit(built !== 0 ? built : run('npx', ['playwright', 'test', '--config', 'playwright.electron.config.ts']));
