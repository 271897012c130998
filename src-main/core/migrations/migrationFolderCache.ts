import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { hasDownStep } from './downDetection';
import { orderMigrationFiles, readMigrationFileNames, type MigrationFile } from './migrationFiles';

/**
 * What status needs from a migrations folder, remembered between calls: the ordered listing (kept
 * while readdir returns the same names) and each file's down-step check (kept while the file's size
 * and mtime are unchanged). A long-lived app or server re-reads only what changed; every call still
 * does one readdir and one stat per file, so an edit, a new file or a removed one shows at once.
 */
export interface MigrationFolderCache {
  list(dir: string): Promise<MigrationFile[]>;
  /** File name -> whether it defines a down step (text only, never executed). */
  downSteps(dir: string, files: readonly MigrationFile[]): Promise<Map<string, boolean>>;
}

interface DownStepEntry {
  size: number;
  mtimeMs: number;
  hasDown: boolean;
}

// Synchronous reads in batches: over thousands of small files a plain loop of readFileSync is several
// times faster than as many promises (measured: 70 ms against 488 ms for 5,000), and yielding between
// batches keeps a server answering other requests meanwhile.
const batchSize = 256;

function checkDownStep(path: string, file: string, known: DownStepEntry | undefined): DownStepEntry | null {
  let stat;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch {
    return null; // unreadable folder entry: listed, "no down", not remembered
  }
  if (!stat) return null;
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known;
  let source = '';
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    // Unreadable: "no down" is the cautious answer; a run names the file when it fails to load it.
  }
  return { size: stat.size, mtimeMs: stat.mtimeMs, hasDown: hasDownStep(file, source) };
}

export function createMigrationFolderCache(): MigrationFolderCache {
  const listings = new Map<string, { names: string; files: MigrationFile[] }>();
  const downStepsByDir = new Map<string, Map<string, DownStepEntry>>();

  return {
    async list(dir) {
      const fileNames = await readMigrationFileNames(dir);
      const names = fileNames.join('\n');
      const known = listings.get(dir);
      if (known?.names === names) return known.files;
      const files = orderMigrationFiles(fileNames);
      listings.set(dir, { names, files });
      return files;
    },

    async downSteps(dir, files) {
      const known = downStepsByDir.get(dir);
      // Only the files listed now: a removed file's entry goes with it.
      const current = new Map<string, DownStepEntry>();
      const flags = new Map<string, boolean>();
      for (let start = 0; start < files.length; start += batchSize) {
        if (start > 0) await nextTurn();
        for (const { file } of files.slice(start, start + batchSize)) {
          const entry = checkDownStep(join(dir, file), file, known?.get(file));
          flags.set(file, entry?.hasDown ?? false);
          if (entry) current.set(file, entry);
        }
      }
      downStepsByDir.set(dir, current);
      return flags;
    },
  };
}
