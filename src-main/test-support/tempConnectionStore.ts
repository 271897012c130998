import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openConnectionStore, type ConnectionStore } from '../core/connections';

/**
 * A connection store (no sandbox) in a fresh temporary data folder for the calling suite, closed
 * and removed after it. Call at suite level; the fields are set once beforeAll has run.
 */
export function connectionStoreInTempFolder(prefix: string): { readonly dataDir: string; readonly store: ConnectionStore } {
  let opened: { dataDir: string; store: ConnectionStore } | undefined;
  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), prefix));
    opened = { dataDir, store: await openConnectionStore({ dataDir, sandbox: false }) };
  });
  afterAll(async () => {
    await opened?.store.close();
    if (opened) await rm(opened.dataDir, { recursive: true, force: true });
  });
  const current = () => {
    if (!opened) throw new Error('connectionStoreInTempFolder: used before beforeAll ran');
    return opened;
  };
  return {
    get dataDir() {
      return current().dataDir;
    },
    get store() {
      return current().store;
    },
  };
}

/** Everything written under a folder, as one text: to prove a password never reached the disk. */
export async function textOfFilesUnder(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')));
  return texts.join('\n');
}
