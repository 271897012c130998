import { buildCli } from '../../scripts/buildCli.mjs';

/**
 * The CLI tests run bin/pgm-studio.js, which runs the bundle in out/cli: build it from the sources
 * under test first (well under a second), so a stale bundle can never pass or fail in their place.
 */
export default async function setup(): Promise<void> {
  if (!(await buildCli({ quiet: true }))) throw new Error('esbuild is not installed: the CLI tests need it to build the bundle they test (npm install with devDependencies).');
}
