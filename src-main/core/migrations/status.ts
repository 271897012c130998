import type { MigrationEntry, MigrationStatus, ProjectSettings } from '../../contract';
import { withClient, type DatabaseTarget } from '../database';
import { readAppliedMigrations, type AppliedMigration } from './appliedMigrations';
import { createMigrationFolderCache, type MigrationFolderCache } from './migrationFolderCache';
import { compareFileNames, duplicateNames, migrationTimestamp, sortInRunOrder, type MigrationFile } from './migrationFiles';

/**
 * Status from the directory listing and pgmigrations alone. Pure, so every state is unit-testable.
 * `hasDown` maps file name to the static down check.
 */
export function buildStatus(files: MigrationFile[], applied: AppliedMigration[], hasDown: Map<string, boolean>): MigrationStatus {
  const appliedByName = new Map(applied.map((a) => [a.name, a]));
  const fileByName = new Map(files.map((f) => [f.name, f]));
  // Last applied in file order: a pending file sorting before it was skipped (node-pg-migrate's check-order error).
  const appliedFiles = files.filter((f) => appliedByName.has(f.name));
  const missing = applied.filter((a) => !fileByName.has(a.name));
  const sortKeys = sortInRunOrder([...appliedFiles.map((f) => f.file), ...missing.map((m) => m.name)], (key) => key);
  const lastAppliedKey = sortKeys.at(-1);

  // Files sharing a name become one entry in error (its first file), so each name is one row.
  const duplicates = duplicateNames(files);
  const firstOfName = files.filter((f) => (duplicates.get(f.name)?.[0] ?? f.file) === f.file);

  const entries: (MigrationEntry & { sortKey: string })[] = firstOfName.map((f) => {
    const run = appliedByName.get(f.name);
    const outOfOrder = !run && lastAppliedKey !== undefined && compareFileNames(f.file, lastAppliedKey) < 0;
    const sharing = duplicates.get(f.name);
    return {
      sortKey: f.file,
      name: f.name,
      timestamp: migrationTimestamp(f.name),
      file: f.file,
      state: sharing ? 'duplicate-name' : run ? 'applied' : outOfOrder ? 'out-of-order' : 'pending',
      runOn: run?.runOn ?? null,
      hasDown: hasDown.get(f.file) ?? false,
      ...(sharing ? { duplicateFiles: sharing } : {}),
    };
  });
  for (const m of missing) {
    entries.push({ sortKey: m.name, name: m.name, timestamp: migrationTimestamp(m.name), file: null, state: 'missing-file', runOn: m.runOn, hasDown: null });
  }
  const migrations = sortInRunOrder(entries, (entry) => entry.sortKey).map(({ sortKey: _sortKey, ...entry }) => entry);
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

/** One per process: the app and the server keep it warm across status calls; the CLI reads cold once. */
const migrationFolders = createMigrationFolderCache();

/** The down-step check of each file, for a caller that has its own listing. */
export function readDownSteps(dir: string, files: MigrationFile[]): Promise<Map<string, boolean>> {
  return migrationFolders.downSteps(dir, files);
}

/**
 * Never executes a migration file: one readdir, a stat per file (reading only changed ones), one query.
 * `folders`: the process's cache unless a caller (the bench's cold runs) brings a fresh one.
 */
export async function getStatus(db: DatabaseTarget, project: ProjectSettings, folders: MigrationFolderCache = migrationFolders): Promise<MigrationStatus> {
  const files = await folders.list(project.migrationsDir);
  const [applied, hasDown] = await Promise.all([
    withClient(db, (client) => readAppliedMigrations(client, project)),
    folders.downSteps(project.migrationsDir, files),
  ]);
  return buildStatus(files, applied, hasDown);
}
