import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as z from 'zod';
import type { MigrationRunResult, MigrationStatus, ProjectSettings } from '../../contract';
import { readJsonFile, writeJsonFileAtomic } from '../appData';
import { identityOf, type DatabaseTarget } from '../database';
import { listMigrationFiles } from '../migrations/migrationFiles';
import { knownFileVersion } from '../migrations/status';
import { sha256Of } from './migrationSource';

/** Files checked between two turns of the event loop when status looks for edits. */
const hashBatch = 256;
// Coarser than any local file system's mtime tick (as the migration folder cache's).
const racyMarginMs = 2_000;

/**
 * What the app applied, per database: each migration's sha256 and when, with the applied text kept
 * once per distinct content (`sources/<sha256>`), so status can flag a file edited after it ran and
 * show the diff (node-pg-migrate issue #1138). Only migrations the app applied have a record.
 */
const indexSchema = z.object({
  database: z.string(),
  migrations: z.record(z.string(), z.object({ sha256: z.string(), recordedAt: z.string() })),
});
type AppliedIndex = z.infer<typeof indexSchema>;

export interface AppliedSourceStore {
  /** After a command: record what it applied, forget what it reverted (in the order it ran them). */
  recordRun(target: DatabaseTarget, project: ProjectSettings, results: readonly MigrationRunResult[]): Promise<void>;
  /** Status with `editedAfterApply` on applied entries whose file differs from what was applied. */
  markEdited(target: DatabaseTarget, project: ProjectSettings, status: MigrationStatus): Promise<MigrationStatus>;
}

// Database identity without password; the migrations table is part of it (two projects may share a database).
function databaseKey(target: DatabaseTarget, project: ProjectSettings): string {
  const { host, port, database, user } = identityOf(target);
  return `${user}@${host}:${port}/${database} ${project.migrationsSchema}.${project.migrationsTable}`;
}

export function createAppliedSourceStore(dataDir: string): AppliedSourceStore {
  const root = join(dataDir, 'applied-migrations');
  const indexPath = (key: string) => join(root, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  const sourcePath = (sha256: string) => join(root, 'sources', sha256);
  // File sha256 by folder and file name, valid while size and mtime stay: status does not re-hash unchanged files.
  // Racy: written so shortly before it was hashed that a second write could keep its size and mtime.
  const hashes = new Map<string, { size: number; mtimeMs: number; sha256: string; racy: boolean }>();
  // One writer at a time, so two commands' records do not overwrite each other.
  let writing: Promise<unknown> = Promise.resolve();

  // The parsed index by path, valid while the file is the same (written by rename: a new inode each time).
  const indexes = new Map<string, { ino: number; size: number; mtimeMs: number; index: AppliedIndex | undefined }>();

  async function readIndex(path: string): Promise<AppliedIndex | undefined> {
    const info = await stat(path).catch(() => null);
    if (info === null) return undefined;
    const cached = indexes.get(path);
    if (cached && cached.ino === info.ino && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.index;
    const index = await readJsonFile(path, indexSchema);
    indexes.set(path, { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, index });
    return index;
  }

  /**
   * The file's sha256, hashed again only when its size or mtime changed. Status has just seen both
   * (knownFileVersion), so an unchanged file costs neither a stat nor a read. Synchronous: over
   * thousands of small files a plain loop is many times faster than as many promises.
   */
  function currentHash(dir: string, file: string): string | null {
    const cached = hashes.get(`${dir}\0${file}`);
    const info = knownFileVersion(dir, file) ?? statSync(join(dir, file), { throwIfNoEntry: false });
    if (info === undefined) return null;
    if (cached && !cached.racy && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.sha256;
    const hashedAt = Date.now();
    const fd = openSync(join(dir, file), 'r');
    try {
      // The version of the very bytes hashed.
      const { size, mtimeMs } = fstatSync(fd);
      const sha256 = sha256Of(readFileSync(fd));
      hashes.set(`${dir}\0${file}`, { size, mtimeMs, sha256, racy: mtimeMs >= hashedAt - racyMarginMs });
      return sha256;
    } finally {
      closeSync(fd);
    }
  }

  async function recordRun(target: DatabaseTarget, project: ProjectSettings, results: readonly MigrationRunResult[]): Promise<void> {
    const done = results.filter((r) => r.success && !r.rolledBack);
    if (done.length === 0) return;
    const key = databaseKey(target, project);
    const work = writing.then(async () => {
      const index: AppliedIndex = (await readJsonFile(indexPath(key), indexSchema)) ?? { database: key, migrations: {} };
      // One listing of the folder for the whole run (a lookup per migration made recording 1,000
      // migrations quadratic: seconds after the last one had run). The files are read synchronously:
      // small files, where the promise round trips cost more than the reads (1,000 files: about 20 ms
      // against 55-130 ms); and a source already kept (same content applied before, to any
      // database) is not written again, known from one listing of the sources folder.
      const fileOf = new Map((await listMigrationFiles(project.migrationsDir).catch(() => [])).map((f) => [f.name, f.file]));
      const ups = [...new Set(done.filter((r) => r.direction === 'up').map((r) => r.name))];
      const recorded = new Map<string, string>();
      await mkdir(join(root, 'sources'), { recursive: true });
      const kept = new Set(await readdir(join(root, 'sources')).catch(() => [] as string[]));
      for (const name of ups) {
        const file = fileOf.get(name);
        if (file === undefined) continue;
        let bytes: Buffer;
        try {
          bytes = readFileSync(join(project.migrationsDir, file));
        } catch {
          continue;
        }
        const sha256 = sha256Of(bytes);
        if (!kept.has(sha256)) {
          await writeFile(sourcePath(sha256), bytes, { flag: 'wx', mode: 0o600 }).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'EEXIST') throw error;
          });
          kept.add(sha256);
        }
        recorded.set(name, sha256);
      }
      for (const result of done) {
        if (result.direction === 'down') {
          delete index.migrations[result.name];
          continue;
        }
        const sha256 = recorded.get(result.name);
        if (sha256 !== undefined) index.migrations[result.name] = { sha256, recordedAt: result.timestamp };
      }
      await writeJsonFileAtomic(indexPath(key), index, { backup: false });
    });
    writing = work.catch(() => undefined);
    await work;
  }

  async function markEdited(target: DatabaseTarget, project: ProjectSettings, status: MigrationStatus): Promise<MigrationStatus> {
    const index = await readIndex(indexPath(databaseKey(target, project)));
    if (index === undefined) return status;
    const edited: { at: number; record: AppliedIndex['migrations'][string]; currentSha256: string }[] = [];
    let checked = 0;
    for (const [at, entry] of status.migrations.entries()) {
      const record = index.migrations[entry.name];
      if (record === undefined || entry.runOn === null || entry.file === null) continue;
      // A first look hashes every recorded file: let a server answer others meanwhile.
      if (++checked % hashBatch === 0) await nextTurn();
      let currentSha256;
      try {
        currentSha256 = currentHash(project.migrationsDir, entry.file);
      } catch {
        continue; // gone or unreadable since the listing: nothing to compare
      }
      if (currentSha256 !== null && currentSha256 !== record.sha256) edited.push({ at, record, currentSha256 });
    }
    if (edited.length === 0) return status;
    const migrations = [...status.migrations];
    await Promise.all(edited.map(async ({ at, record, currentSha256 }) => {
      const entry = migrations[at]!;
      const [recordedContent, currentContent] = await Promise.all([
        readFile(sourcePath(record.sha256), 'utf8').catch(() => ''),
        readFile(join(project.migrationsDir, entry.file!), 'utf8'),
      ]);
      migrations[at] = { ...entry, editedAfterApply: { recordedAt: record.recordedAt, recordedSha256: record.sha256, currentSha256, recordedContent, currentContent } };
    }));
    return { ...status, migrations };
  }

  return { recordRun, markEdited };
}
