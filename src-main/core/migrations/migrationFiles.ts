import { readdir } from 'node:fs/promises';
import { extname } from 'node:path';
import { compareMigrationFileNames } from 'node-pg-migrate/utils/comparators';
import { getNumericPrefix } from 'node-pg-migrate/utils/fileNameUtils';
import { StudioError } from '../../contract';

export const migrationExtensions = ['.js', '.cjs', '.mjs', '.ts', '.sql'] as const;

export interface MigrationFile {
  /** `{timestamp}_{name}`: the file name without its extension, as pgmigrations stores it. */
  name: string;
  /** File name inside the migrations directory. */
  file: string;
}

// node-pg-migrate's comparator logs through console.error when a name has no numeric prefix; we report that ourselves.
const silentLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** True for files node-pg-migrate should load: our languages, not declarations, not hidden files. */
export function isMigrationFileName(fileName: string): boolean {
  if (fileName.startsWith('.') || /\.d\.[cm]?ts$/.test(fileName)) return false;
  return (migrationExtensions as readonly string[]).includes(extname(fileName));
}

/**
 * The same filter as a regex for runner()'s `ignorePattern` (it tests `^pattern$` against each
 * name, hence the one outer group), so node-pg-migrate loads exactly the files our status lists, not
 * a README or a .map. status.test.ts pins that the two agree.
 */
export const runnerIgnorePattern = String.raw`(?:\..*|.*\.d\.[cm]?ts|(?!.*\.(?:js|cjs|mjs|ts|sql)$).*)`;

/** Numeric prefix as node-pg-migrate reads it (17 digits = UTC yyyymmddhhmmssSSS), 0 when there is none. */
export function migrationTimestamp(name: string): number {
  try {
    return getNumericPrefix(name, silentLogger);
  } catch {
    return 0;
  }
}

/** node-pg-migrate's own order: numeric prefix, then a numeric-aware locale compare of the file name. */
export function compareFileNames(a: string, b: string): number {
  return compareMigrationFileNames(a, b, silentLogger);
}

/** One readdir, no file contents: the migration files in run order. */
export async function listMigrationFiles(dir: string): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new StudioError('invalid-project', `Cannot read the migrations directory ${dir}: ${(error as Error).message}`, {
      hint: 'Check --migrations-dir and that the folder is readable.',
    });
  }
  const files = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && isMigrationFileName(e.name)).map((e) => e.name);
  const unnumbered = files.filter((f) => !/^\d+/.test(f));
  if (unnumbered.length > 0) {
    throw new StudioError('invalid-project', `Migration file without a numeric prefix: ${unnumbered.slice(0, 5).join(', ')}`, {
      hint: 'node-pg-migrate orders migrations by the number at the start of the file name. Rename the file to {timestamp}_{name} or move it out of the migrations directory.',
      detail: { files: unnumbered },
    });
  }
  return files.sort(compareFileNames).map((file) => ({ file, name: file.slice(0, -extname(file).length) }));
}
