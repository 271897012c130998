import type { MigrationEntry, MigrationStatus, ProjectSettings } from '../../contract';
import { withClient, type DatabaseTarget } from '../database';
import { readAppliedMigrations, type AppliedMigration } from './appliedMigrations';
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
  // The files are in run order already: only the few applied names without a file are sorted and merged in.
  const missing = sortInRunOrder(applied.filter((a) => !fileNames.has(a.name)), (m) => m.name);
  const merged = mergeInRunOrder(files, missing);
  // Last applied in file order: a pending file sorting before it was skipped (node-pg-migrate's check-order error).
  let lastApplied = -1;
  for (let at = 0; at < merged.length; at++) {
    const item = merged[at]!;
    if (item.missing !== undefined || appliedByName.has(item.file.name)) lastApplied = at;
  }

  const migrations: MigrationEntry[] = [];
  for (let at = 0; at < merged.length; at++) {
    const { file: f, missing: m } = merged[at]!;
    if (m !== undefined) {
      migrations.push({ name: m.name, timestamp: migrationTimestamp(m.name), file: null, state: 'missing-file', runOn: m.runOn, hasDown: null });
      continue;
    }
    // Files sharing a name become one entry in error (its first file), so each name is one row.
    const sharing = duplicates.get(f.name);
    if (sharing !== undefined && sharing[0] !== f.file) continue;
    const run = appliedByName.get(f.name);
    const entry: MigrationEntry = {
      name: f.name,
      timestamp: timestamps.get(f.file) ?? 0,
      file: f.file,
      state: sharing ? 'duplicate-name' : run ? 'applied' : at < lastApplied ? 'out-of-order' : 'pending',
      runOn: run?.runOn ?? null,
      hasDown: hasDown.get(f.file) ?? false,
    };
    if (sharing) entry.duplicateFiles = sharing;
    migrations.push(entry);
  }
  // Not recorded yet is pending, whatever else is wrong with it: a duplicate pair is not "up to date".
  const pendingMigrations = migrations.filter((m) => m.runOn === null).map((m) => m.name);
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
  /** File -> migrationTimestamp of its name. */
  timestamps: Map<string, number>;
}

// What depends on the listing alone, once per listing: the folder cache hands out the same array while the folder's names stay.
const factsOfListing = new WeakMap<readonly MigrationFile[], ListingFacts>();

function listingFacts(files: readonly MigrationFile[]): ListingFacts {
  let facts = factsOfListing.get(files);
  if (facts === undefined) {
    facts = { fileNames: new Set(), duplicates: duplicateNames(files), timestamps: new Map() };
    for (const f of files) {
      facts.fileNames.add(f.name);
      facts.timestamps.set(f.file, migrationTimestamp(f.name));
    }
    factsOfListing.set(files, facts);
  }
  return facts;
}

type RunOrderItem = { file: MigrationFile; missing?: undefined } | { file?: undefined; missing: AppliedMigration };

/** Files and recorded names without a file, each list in run order, as one list in run order (a file first on a tie). */
function mergeInRunOrder(files: readonly MigrationFile[], missing: readonly AppliedMigration[]): RunOrderItem[] {
  const merged: RunOrderItem[] = [];
  let next = 0;
  for (const m of missing) {
    // The first file sorting after this name, by binary search from where the previous name went.
    let low = next;
    let high = files.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareFileNames(files[middle]!.file, m.name) <= 0) low = middle + 1;
      else high = middle;
    }
    for (; next < low; next++) merged.push({ file: files[next]! });
    merged.push({ missing: m });
  }
  for (; next < files.length; next++) merged.push({ file: files[next]! });
  return merged;
}

/** One per process: the app and the server keep it warm across status calls; the CLI reads cold once. */
const migrationFolders = createMigrationFolderCache();

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
  const appliedRead = withClient(db, (client) => readAppliedMigrations(client, project));
  appliedRead.catch(() => undefined); // a folder that cannot be read is the error reported
  const { files, hasDown } = await folders.scan(project.migrationsDir);
  return buildStatus(files, await appliedRead, hasDown);
}
