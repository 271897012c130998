import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rootClusterBase } from './clusterAccess';
import { clusterDirFor, startSandbox } from './sandboxServer';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-sandbox-unit-'));
});
afterEach(async () => {
  const clusterDir = clusterDirFor(dataDir);
  if (clusterDir.startsWith(`${rootClusterBase}/`)) await rm(dirname(clusterDir), { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

describe('startSandbox', () => {
  // Under root with a closed data folder the cluster lives under /var/lib/pgm-studio, away from the
  // credentials: the hint must name the folder that really holds the cluster.
  it('a cluster without its credentials file names the cluster folder to delete, wherever it lives', async () => {
    const clusterDir = clusterDirFor(dataDir);
    await mkdir(clusterDir, { recursive: true });
    await writeFile(join(clusterDir, 'PG_VERSION'), '15\n');
    await expect(startSandbox({ dataDir })).rejects.toMatchObject({ code: 'connection-failed', hint: expect.stringContaining(`Delete the folder ${clusterDir}`) });
  });
});
