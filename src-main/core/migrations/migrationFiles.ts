import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname } from 'node:path';
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

// node-pg-migrate's localeCompareStringsNumerically builds this collator on every call; one is the same order.
const collator = new Intl.Collator(undefined, { usage: 'sort', numeric: true, sensitivity: 'variant', ignorePunctuation: true });

/** node-pg-migrate's own order (compareMigrationFileNames): numeric prefix, then a numeric-aware locale compare of the file name. */
export function compareFileNames(a: string, b: string): number {
  return getNumericPrefix(a, silentLogger) - getNumericPrefix(b, silentLogger) || collator.compare(a, b);
}

/** The same order as compareFileNames, each name's prefix read once: what sorting thousands of files needs. */
export function sortInRunOrder<T>(items: readonly T[], fileNameOf: (item: T) => string): T[] {
  const keyed = items.map((item) => {
    const name = fileNameOf(item);
    return { item, name, prefix: getNumericPrefix(name, silentLogger) };
  });
  keyed.sort((a, b) => a.prefix - b.prefix || collator.compare(a.name, b.name));
  return keyed.map((k) => k.item);
}

/** One readdir, no file contents: the migration files' folder entries, in directory order. */
export async function readMigrationFolderEntries(dir: string): Promise<Dirent[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new StudioError('invalid-project', `Cannot read the migrations directory ${dir}: ${(error as Error).message}`, {
      hint: 'Check --migrations-dir and that the folder is readable.',
    });
  }
  return entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && isMigrationFileName(e.name));
}

/** One readdir, no file contents: the names of the migration files, in directory order. */
export async function readMigrationFileNames(dir: string): Promise<string[]> {
  return (await readMigrationFolderEntries(dir)).map((e) => e.name);
}

/** Migration file names in run order; refuses a name node-pg-migrate could not order. */
export function orderMigrationFiles(fileNames: readonly string[]): MigrationFile[] {
  const unnumbered = fileNames.filter((f) => !/^\d+/.test(f));
  if (unnumbered.length > 0) {
    throw new StudioError('invalid-project', `Migration file without a numeric prefix: ${unnumbered.slice(0, 5).join(', ')}`, {
      hint: 'node-pg-migrate orders migrations by the number at the start of the file name. Rename the file to {timestamp}_{name} or move it out of the migrations directory.',
      detail: { files: unnumbered },
    });
  }
  return sortInRunOrder(fileNames, (file) => file).map((file) => ({ file, name: file.slice(0, -extname(file).length) }));
}

/** One readdir, no file contents: the migration files in run order. */
export async function listMigrationFiles(dir: string): Promise<MigrationFile[]> {
  return orderMigrationFiles(await readMigrationFileNames(dir));
}

/** Names carried by more than one file (`…01_same.js` and `…01_same.sql`), with those files in run order. */
export function duplicateNames(files: readonly MigrationFile[]): Map<string, string[]> {
  const firstFile = new Map<string, string>();
  const sharedNames = new Map<string, string[]>();
  for (const f of files) {
    const first = firstFile.get(f.name);
    if (first === undefined) firstFile.set(f.name, f.file);
    else if (sharedNames.has(f.name)) sharedNames.get(f.name)!.push(f.file);
    else sharedNames.set(f.name, [first, f.file]);
  }
  return sharedNames;
}

/**
 * The listing a run or a plan starts from. Refuses a folder where two files share a name:
 * node-pg-migrate would run both and record the name twice, and a later down would delete both rows
 * but revert only one.
 */
export async function listMigrationFilesToRun(dir: string): Promise<MigrationFile[]> {
  const files = await listMigrationFiles(dir);
  const duplicates = [...duplicateNames(files)];
  if (duplicates.length > 0) {
    const pairs = duplicates.map(([, sharing]) => sharing.join(' and '));
    throw new StudioError('invalid-project', `Two migration files share one name: ${pairs.join('; ')}. Nothing was run.`, {
      hint: 'Rename one of them (node-pg-migrate records a migration by its name without the extension, so both would run and be recorded under the same name), then check the status.',
      detail: { duplicates: Object.fromEntries(duplicates) },
    });
  }
  return files;
}
