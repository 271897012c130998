import { createHash, randomBytes } from 'node:crypto';
import { lstat, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, isAbsolute } from 'node:path';
import {
  migrationSourceLanguages, StudioError, type FileChangedOnDiskDetail, type MigrationSource, type MigrationSourceLanguage, type ProjectSettings, type SavedMigration,
} from '../../contract';
import { listMigrationFiles } from '../migrations/migrationFiles';

export const sha256Of = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex');

export function languageOfFile(file: string): MigrationSourceLanguage {
  const ext = extname(file).slice(1);
  return (migrationSourceLanguages as readonly string[]).includes(ext) ? (ext as MigrationSourceLanguage) : 'js';
}

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * The real path of the migration file carrying `name`, found in the folder's listing (so only a
 * migration file of the migrations folder, never a path the caller made up), and still inside the
 * folder once symbolic links are followed.
 */
export async function migrationFilePath(project: ProjectSettings, name: string): Promise<{ file: string; path: string }> {
  const files = (await listMigrationFiles(project.migrationsDir)).filter((f) => f.name === name);
  if (files.length === 0) {
    throw new StudioError('not-found', `No migration file named ${name} in ${project.migrationsDir}.`, { hint: 'Refresh the timeline: the file may have been renamed or removed. A new migration is made with migrations/create.' });
  }
  if (files.length > 1) {
    throw new StudioError('invalid-project', `Two files carry the name ${name}: ${files.map((f) => f.file).join(' and ')}.`, { hint: 'Rename one of them first; node-pg-migrate would run both.' });
  }
  const file = files[0]!.file;
  const folder = await realpath(project.migrationsDir);
  const path = await realpath(join(project.migrationsDir, file)).catch(() => join(folder, file));
  if (!inside(folder, path)) {
    throw new StudioError('forbidden', `${file} is a link to a file outside the migrations folder.`, { hint: 'Edit that file where it lives; the editor only writes inside the project\'s migrations folder.' });
  }
  return { file, path };
}

export async function readMigrationText(project: ProjectSettings, name: string): Promise<{ file: string; path: string; content: string; sha256: string }> {
  const { file, path } = await migrationFilePath(project, name);
  const bytes = await readFile(path);
  return { file, path, content: bytes.toString('utf8'), sha256: sha256Of(bytes) };
}

export async function readMigrationSource(project: ProjectSettings, name: string, applied: (name: string) => Promise<boolean>): Promise<MigrationSource> {
  const { file, content, sha256 } = await readMigrationText(project, name);
  return { name, file, language: languageOfFile(file), content, sha256, applied: await applied(name) };
}

/**
 * Overwrite a pending migration's file with `content`: refused when it is applied, or when the file
 * is no longer the one the editor opened (`expectedSha256`). Written to a temp file in the same
 * folder, then renamed over it, so a crash never leaves half a migration.
 */
export async function saveMigrationSource(
  project: ProjectSettings,
  input: { name: string; content: string; expectedSha256: string },
  applied: (name: string) => Promise<boolean>,
): Promise<SavedMigration> {
  const current = await readMigrationText(project, input.name);
  if (await applied(input.name)) {
    throw new StudioError('migration-applied', `${current.file} is applied in this database: editing it changes nothing where it already ran.`, {
      hint: 'Write a new migration for the change (its up and down), so every database gets it.',
    });
  }
  if (current.sha256 !== input.expectedSha256) {
    const detail: FileChangedOnDiskDetail = { file: current.file, content: current.content, sha256: current.sha256 };
    throw new StudioError('file-changed-on-disk', `${current.file} changed on disk since it was opened; nothing was saved.`, {
      hint: 'Reload it (your edits are lost) or compare the two and merge by hand, then save again.',
      detail,
    });
  }
  const folder = dirname(current.path);
  const temp = join(folder, `.${basename(current.path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const { mode } = await stat(current.path);
    await writeFile(temp, input.content, { flag: 'wx', mode });
    if ((await lstat(temp)).isSymbolicLink()) throw new Error('temp file is a link');
    await rename(temp, current.path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new StudioError('internal', `Could not save ${current.file}: ${(error as Error).message}`, { hint: `Check that ${project.migrationsDir} is writable and the disk is not full.` });
  }
  return { name: input.name, file: current.file, sha256: sha256Of(input.content) };
}
