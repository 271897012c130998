import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { observeClusterAccess, type ClusterAccessObservations } from './clusterAccess.fixture';

const isRoot = process.getuid?.() === 0;

/** Under root: the same observations made by a child that drops to the `nobody` user first. */
async function observeAsNormalUser(): Promise<ClusterAccessObservations> {
  if (!isRoot) return observeClusterAccess();
  const id = (flag: string) => execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim();
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'clusterAccess.fixture.ts'), id('-u'), id('-g')], { timeout: 60_000 });
  return JSON.parse(stdout) as ClusterAccessObservations;
}

describe('clusterAccess as a normal user (under root: run as nobody)', () => {
  it('accepts a cluster below a closed folder, keeps it in the data folder, and leaves mkdir to the umask', async () => {
    const seen = await observeAsNormalUser();
    expect(seen.uid).not.toBe(0);
    expect(seen).toMatchObject({ belowClosedFolder: 'ok', belowOpenFolder: 'ok', closedLocation: 'preferred', openLocation: 'preferred', modesUnderUmask077: [0o700, 0o700, 0o700] });
  }, 60_000);
});

// Needs root, which a normal user cannot take to run it; CI runs as root, so there both describes run.
describe.skipIf(!isRoot)('clusterAccess as root', () => {
  it('refuses a cluster the postgres user cannot reach, moves it under /var/lib/pgm-studio (one per data folder), and keeps new folders enterable', async () => {
    const seen = await observeClusterAccess();
    expect(seen.belowClosedFolder).toMatchObject({ code: 'connection-failed', hint: expect.stringContaining('PGM_STUDIO_DATA_DIR') });
    expect(seen).toMatchObject({ belowOpenFolder: 'ok', closedLocation: 'root-base', closedLocationStable: true, otherDataDirElsewhere: true, openLocation: 'preferred', modesUnderUmask077: [0o755, 0o755, 0o755] });
  });
});
