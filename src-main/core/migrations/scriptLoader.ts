import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import type { RunnerOption } from 'node-pg-migrate';

type LoaderStrategies = NonNullable<RunnerOption['migrationLoaderStrategies']>;
type Loader = Extract<LoaderStrategies[number]['loader'], (...args: never[]) => unknown>;

/** A migration file that could not be loaded (syntax error, throwing at import, missing import). */
export class MigrationFileLoadError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(`Cannot load migration file ${basename(file)}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationFileLoadError';
  }
}

// Same loader as node-pg-migrate's default (jiti handles .ts, ESM and CommonJS alike, whatever the
// package "type"), but without jiti's module cache so a file edited since the last run is re-read,
// and with errors that name the file. jiti's transpile cache on disk stays on: it is keyed by the
// source's hash, so it is never stale, and node-pg-migrate loads every file on every run.
//
// Migrations import node-pg-migrate (types, PgLiteral) from wherever they live, often a folder with
// no node_modules of its own: resolve it to the copy that runs them, as node-pg-migrate's CLI would.
const nodePgMigrate = fileURLToPath(import.meta.resolve('node-pg-migrate'));
const jiti = createJiti(import.meta.url, { moduleCache: false, interopDefault: true, alias: { 'node-pg-migrate': nodePgMigrate } });

const loadScripts: Loader = async (filePaths) => {
  const units = [];
  for (const filePath of filePaths) {
    try {
      units.push({ id: filePath, filePaths: [filePath], actions: await jiti.import<object>(filePath) });
    } catch (error) {
      throw new MigrationFileLoadError(filePath, error);
    }
  }
  return units;
};

export const migrationLoaderStrategies: LoaderStrategies = [
  { extensions: ['.sql'], loader: 'legacySql' },
  { extensions: ['.js', '.cjs', '.mjs', '.ts'], loader: loadScripts },
];

export function findLoadError(error: unknown): MigrationFileLoadError | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof MigrationFileLoadError) return e;
  }
  return null;
}
