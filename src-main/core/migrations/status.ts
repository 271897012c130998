import type { MigrationEntry, MigrationStatus, ProjectSettings } from '../../contract';
import { poolKey, withClient, type DatabaseTarget } from '../database';
import { migrationsTableExists, migrationsTableName, readAppliedRows, type AppliedMigration } from './appliedMigrations';
import { createMigrationFolderCache, type FileVersion, type MigrationFolderCache } from './migrationFolderCache';
import { compareFileNames, duplicateNames, migrationTimestamp, sortInRunOrder, type MigrationFile } from './migrationFiles';

/**
 * Status from the directory listing and pgmigrations alone. Pure, so every state is unit-testable.
 * `files` in run order (as listed); `hasDown` maps file name to the static down check.
 */
export function buildStatus(files: readonly MigrationFile[], applied: AppliedMigration[], hasDown: ReadonlyMap<string, boolean>): MigrationStatus {
  const appliedByName = new Map<string, AppliedMigration>();
  for (const a of applied) appliedByName.set(a.name, a);
  const { fileNames, duplicates, timestamps } = listingFacts(files);
  // The files are in run order already: only the few applied names without a file are sorted, each
  // placed before the files that sort after it.
  const missing = sortInRunOrder(applied.filter((a) => !fileNames.has(a.name)), (m) => m.name);
  const missingBefore = filesSortingUpTo(files, missing);
  // A pending file sorting before the last applied one, file or missing, was skipped (node-pg-migrate's check-order error).
  let lastAppliedFile = -1;
  for (let at = files.length - 1; at >= 0 && lastAppliedFile < 0; at--) if (appliedByName.has(files[at]!.name)) lastAppliedFile = at;
  const skippedBelow = Math.max(lastAppliedFile, missingBefore.at(-1) ?? 0);

  const migrations: MigrationEntry[] = [];
  const pendingMigrations: string[] = [];
  const pushMissing = (m: AppliedMigration) =>
    migrations.push({ name: m.name, timestamp: migrationTimestamp(m.name), file: null, state: 'missing-file', runOn: m.runOn, hasDown: null });
  let nextMissing = 0;
  for (let at = 0; at < files.length; at++) {
    for (; nextMissing < missing.length && missingBefore[nextMissing]! <= at; nextMissing++) pushMissing(missing[nextMissing]!);
    const f = files[at]!;
    // Files sharing a name become one entry in error (its first file), so each name is one row.
    const sharing = duplicates.get(f.name);
    if (sharing !== undefined && sharing[0] !== f.file) continue;
    const run = appliedByName.get(f.name);
    const entry: MigrationEntry = {
      name: f.name,
      timestamp: timestamps[at]!,
      file: f.file,
      state: sharing ? 'duplicate-name' : run ? 'applied' : at < skippedBelow ? 'out-of-order' : 'pending',
      runOn: run?.runOn ?? null,
      hasDown: hasDown.get(f.file) ?? false,
    };
    if (sharing) entry.duplicateFiles = sharing;
    migrations.push(entry);
    // Not recorded yet is pending, whatever else is wrong with it: a duplicate pair is not "up to date".
    if (run === undefined) pendingMigrations.push(f.name);
  }
  for (; nextMissing < missing.length; nextMissing++) pushMissing(missing[nextMissing]!);
  return {
    appliedMigrations: applied.map((a) => a.name),
    pendingMigrations,
    lastMigration: applied.at(-1)?.name ?? null,
    isUpToDate: pendingMigrations.length === 0,
    migrations,
  };
}

interface ListingFacts {
  fileNames: Set<string>;
  duplicates: Map<string, string[]>;
  /** migrationTimestamp of each file's name, by position. */
  timestamps: number[];
}

// What depends on the listing alone, once per listing: the folder cache hands out the same array while the folder's names stay.
const factsOfListing = new WeakMap<readonly MigrationFile[], ListingFacts>();

function listingFacts(files: readonly MigrationFile[]): ListingFacts {
  let facts = factsOfListing.get(files);
  if (facts === undefined) {
    facts = { fileNames: new Set(files.map((f) => f.name)), duplicates: duplicateNames(files), timestamps: files.map((f) => migrationTimestamp(f.name)) };
    factsOfListing.set(files, facts);
  }
  return facts;
}

/** For each name (in run order), how many of the files (in run order) sort before it or with it. */
function filesSortingUpTo(files: readonly MigrationFile[], names: readonly AppliedMigration[]): number[] {
  const counts: number[] = [];
  let low = 0;
  for (const { name } of names) {
    let high = files.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareFileNames(files[middle]!.file, name) <= 0) low = middle + 1;
      else high = middle;
    }
    counts.push(low);
  }
  return counts;
}

/** One per process: the app and the server keep it warm across status calls; the CLI reads cold once. */
const migrationFolders = createMigrationFolderCache();

// Migrations tables seen to exist, by database and table: read at once next time, one round trip instead of two.
const tablesSeen = new Set<string>();
// Undefined table, undefined schema: dropped since it was seen.
const tableGone = new Set(['42P01', '3F000']);

async function readApplied(db: DatabaseTarget, project: ProjectSettings): Promise<AppliedMigration[]> {
  const key = `${poolKey(db)} ${migrationsTableName(project)}`;
  return withClient(db, async (client) => {
    if (tablesSeen.has(key)) {
      try {
        return await readAppliedRows(client, project);
      } catch (error) {
        if (!tableGone.has((error as { code?: string }).code ?? '')) throw error;
        tablesSeen.delete(key);
      }
    }
    if (!(await migrationsTableExists(client, project))) return [];
    tablesSeen.add(key);
    return readAppliedRows(client, project);
  });
}

/** A migration file's size and mtime as the last status of its folder saw them (for callers keeping their own per-file cache). */
export function knownFileVersion(dir: string, file: string): Readonly<FileVersion> | undefined {
  return migrationFolders.version(dir, file);
}

/**
 * Never executes a migration file: the folder's listing and down-step checks (folder cache: only what
 * changed is read again) while one query reads pgmigrations.
 * `folders`: the process's cache unless a caller (the bench's cold runs) brings a fresh one.
 */
export async function getStatus(db: DatabaseTarget, project: ProjectSettings, folders: MigrationFolderCache = migrationFolders): Promise<MigrationStatus> {
  const appliedRead = readApplied(db, project);
  appliedRead.catch(() => undefined); // a folder that cannot be read is the error reported
  const { files, hasDown } = await folders.scan(project.migrationsDir);
  return buildStatus(files, await appliedRead, hasDown);
}
