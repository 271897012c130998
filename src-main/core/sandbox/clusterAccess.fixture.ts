// What clusterAccess decides for the user running it, in a fresh temporary folder. clusterAccess
// branches on root; clusterAccess.test.ts runs this in-process for its own user and, under root,
// as a child that first drops to a normal user (`node --import tsx clusterAccess.fixture.ts UID GID`),
// so both branches run on any machine that has root (CI does).
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterLocation, clusterReachableByPostgresUser, mkdirEnterable, rootClusterBase } from './clusterAccess';

export interface ClusterAccessObservations {
  uid: number | undefined;
  /** clusterReachableByPostgresUser below a 0700 folder: 'ok' or the error's code and hint. */
  belowClosedFolder: { code: string; hint?: string } | 'ok';
  belowOpenFolder: { code: string; hint?: string } | 'ok';
  /** clusterLocation for a data folder below a 0700 folder. */
  closedLocation: 'preferred' | 'root-base';
  closedLocationStable: boolean;
  otherDataDirElsewhere: boolean;
  openLocation: 'preferred' | 'root-base';
  /** Modes of the folders mkdirEnterable creates under umask 077. */
  modesUnderUmask077: number[];
}

const outcome = (check: Promise<void>) => check.then(() => 'ok' as const, (error: { code: string; hint?: string }) => ({ code: error.code, hint: error.hint }));

export async function observeClusterAccess(): Promise<ClusterAccessObservations> {
  const folder = await mkdtemp(join(tmpdir(), 'pgm-studio-cluster-'));
  try {
    await chmod(folder, 0o700);
    await mkdir(join(folder, 'sandbox'));
    const belowClosedFolder = await outcome(clusterReachableByPostgresUser(join(folder, 'sandbox', 'cluster')));
    const dataDir = join(folder, 'data');
    const preferred = join(dataDir, 'sandbox', 'cluster');
    const placed = clusterLocation(preferred, dataDir);
    const closedLocation = placed === preferred ? 'preferred' : placed.startsWith(`${rootClusterBase}/`) ? 'root-base' : (() => { throw new Error(`unexpected cluster location ${placed}`); })();
    const closedLocationStable = clusterLocation(preferred, dataDir) === placed;
    const otherDataDirElsewhere = clusterLocation(join(folder, 'other', 'sandbox', 'cluster'), join(folder, 'other')) !== placed;

    await chmod(folder, 0o755);
    const belowOpenFolder = await outcome(clusterReachableByPostgresUser(join(folder, 'sandbox', 'cluster')));
    const openLocation = clusterLocation(preferred, dataDir) === preferred ? 'preferred' : 'root-base';

    const previous = process.umask(0o077);
    try {
      await mkdirEnterable(join(folder, 'a', 'b', 'c'));
    } finally {
      process.umask(previous);
    }
    const modesUnderUmask077 = await Promise.all(['a', 'a/b', 'a/b/c'].map(async (f) => (await stat(join(folder, f))).mode & 0o777));
    return { uid: process.getuid?.(), belowClosedFolder, belowOpenFolder, closedLocation, closedLocationStable, otherDataDirElsewhere, openLocation, modesUnderUmask077 };
  } finally {
    await chmod(folder, 0o755).catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [uid, gid] = process.argv.slice(2).map(Number);
  // Everything is loaded (as root); from here on this process is that user.
  if (gid !== undefined && uid !== undefined) {
    process.setgid?.(gid);
    process.setuid?.(uid);
  }
  process.stdout.write(`${JSON.stringify(await observeClusterAccess())}\n`);
}
