import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type * as z from 'zod';
import { StudioError } from '../../contract/errors';

/**
 * Read and validate a JSON file. Missing: `undefined`. Unreadable or invalid: a StudioError that
 * names the file and its backup, so the user repairs it instead of the app silently starting over.
 */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StudioError('internal', `Could not read ${path}: ${(error as Error).message}`, {
      hint: `Check that this user may read ${dirname(path)}.`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corruptFileError(path, `it is not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw corruptFileError(path, `${issue?.path.join('.') || 'its content'}: ${issue?.message ?? 'unexpected shape'}`);
  }
  return parsed.data;
}

function corruptFileError(path: string, reason: string): StudioError {
  return new StudioError('invalid-input', `${basename(path)} is damaged: ${reason}.`, {
    hint: `Fix ${path} by hand, or replace it with the previous version ${backupPathFor(path)} if that exists. The app does not overwrite a damaged file.`,
    detail: { file: path, backup: backupPathFor(path) },
  });
}

function backupPathFor(path: string): string {
  return `${path}.bak`;
}

/**
 * Write JSON atomically: a temp file in the same folder, then rename, so a crash never leaves half
 * a file. The previous version is kept as <file>.bak unless `backup` is false (files holding secrets).
 */
export async function writeJsonFileAtomic(path: string, value: unknown, options: { mode?: number; backup?: boolean } = {}): Promise<void> {
  const { mode = 0o600, backup = true } = options;
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode, flag: 'wx' });
    if (backup) {
      await copyFile(path, backupPathFor(path)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new StudioError('internal', `Could not write ${path}: ${(error as Error).message}`, {
      hint: `Check that ${folder} is writable and the disk is not full.`,
    });
  }
}
