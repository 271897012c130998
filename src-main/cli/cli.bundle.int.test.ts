// The shipped CLI: bin/pgm-studio.js runs the esbuild bundle in out/cli (built from these sources by
// the suite's global setup) with plain node, and migration files load through node-pg-migrate's
// jiti path, never through a process-wide TypeScript loader.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { tempFolders } from '../test-support/tempFolders';
import { repoRoot, spawnCli, startCli } from './testing/spawnCli';

const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
// Node's own trace of every ES module it loads (stable since Node 12): which files a run really used.
const traced = { NODE_DEBUG: 'esm' };
const loadedModules = (stderr: string) => [...stderr.matchAll(/file:\/\/\S+?\.(?:[cm]?js|ts)\b/g)].map((m) => m[0]);

describe('the shipped pgm-studio CLI', () => {
  const tempFolder = tempFolders();
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_bundle');
  });
  afterAll(async () => db?.drop());

  it('--version prints the package version without loading the program', async () => {
    for (const flag of ['--version', '-V']) {
      const run = await spawnCli([flag], { env: traced });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
      expect(loadedModules(run.stderr).filter((url) => !url.endsWith('/bin/pgm-studio.js'))).toEqual([]);
    }
  });

  it('runs the bundle in out/cli with plain node, never tsx', async () => {
    const run = await spawnCli(['--help'], { env: traced });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: pgm-studio');
    const modules = loadedModules(run.stderr);
    expect(modules).toContain(`file://${join(repoRoot, 'out/cli/main.js')}`);
    expect(modules.filter((url) => url.includes('/tsx/') || url.includes('/src-main/'))).toEqual([]);
  });

  it('a command loads only its own parts: up with DATABASE_URL loads neither the server, fastify nor the keychain', async () => {
    const dir = await tempFolder('pgm-studio-bundle-');
    await writeFile(join(dir, '1000_first.js'), 'exports.up = (pgm) => { pgm.sql("SELECT 1"); };\nexports.down = (pgm) => { pgm.sql("SELECT 1"); };\n');
    await writeFile(join(dir, '1001_second.ts'), 'import type { MigrationBuilder } from "node-pg-migrate";\nexport const up = (pgm: MigrationBuilder) => { pgm.sql("SELECT 2"); };\n');
    const run = await spawnCli(['up', '--json', '--migrations-dir', dir], { env: { ...traced, DATABASE_URL: db.url } });
    expect(run.code, run.stderr).toBe(0);
    expect((await db.query<{ name: string }>('SELECT name FROM pgmigrations ORDER BY id')).rows.map((r) => r.name)).toEqual(['1000_first', '1001_second']);
    const modules = loadedModules(run.stderr);
    // Nor the keychain (keytar maps libsecret, glib and D-Bus into the process): DATABASE_URL needs none.
    expect(modules.filter((url) => /\/(fastify|@fastify|keytar)\/|startServer|\/tsx\//.test(url))).toEqual([]);
    // The TypeScript migration went through jiti's transpiler (node-pg-migrate's own path), not a loader hook.
    expect(modules.filter((url) => url.endsWith('1001_second.ts'))).toEqual([]);
    // Nor the engines of other commands: backups and rollbacks, the authoring tools (their handlers load at their first call).
    const bundled = modules.filter((url) => url.includes('/out/cli/')).map((url) => readFileSync(new URL(url), 'utf8'));
    expect(bundled.length).toBeGreaterThan(1);
    for (const engine of ['function createBackup(', 'function runRollback(', 'function upDownUp(']) {
      expect(bundled.filter((source) => source.includes(engine)), engine).toEqual([]);
    }
  });

  it('serve, bundled, looks for the built UI in out/renderer of the package', async () => {
    const rendererDir = join(repoRoot, 'out', 'renderer');
    const started = startCli(['serve', '--port', '0'], { env: { DATABASE_URL: db.url, PGM_STUDIO_RENDERER_DIR: undefined } });
    if (existsSync(join(rendererDir, 'index.html'))) {
      // A build is there (npm run build ran): serve starts on it.
      await expect.poll(() => started.stderr(), { timeout: 60_000 }).toContain('Press Ctrl+C to stop');
      started.child.kill('SIGTERM');
      expect((await started.exit).stdout).toContain('PGM Studio is running at http://127.0.0.1:');
    } else {
      const run = await started.exit;
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`(no index.html in ${rendererDir})`);
    }
  });
});
