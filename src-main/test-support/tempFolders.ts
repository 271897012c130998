import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Temporary folders for the calling file, all removed after it. Call at file or suite level before
 * the hooks that use the folders: vitest runs after-hooks in reverse order, so the folders are
 * removed after whatever those hooks close (a server, a store) has let go of them.
 */
export function tempFolders(): (prefix: string) => Promise<string> {
  const folders: string[] = [];
  afterAll(async () => {
    for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  return async (prefix) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    folders.push(dir);
    return dir;
  };
}
