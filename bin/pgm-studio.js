#!/usr/bin/env node
// The pgm-studio CLI. Runs the bundle `npm run build` / `npm install` (prepare) wrote to out/cli with
// plain node; the TypeScript sources through tsx only for development: when PGM_STUDIO_DEV=1 or when
// there is no bundle (an install without devDependencies).
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version without loading the program: scripts and CI call this to check what they have.
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
} else {
  const bundle = new URL('../out/cli/main.js', import.meta.url);
  if (process.env.PGM_STUDIO_DEV !== '1' && existsSync(bundle)) {
    await import(bundle.href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../src-main/cli/main.ts');
  }
}
