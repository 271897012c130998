import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterLocation, clusterReachableByPostgresUser, mkdirEnterable, rootClusterBase } from './clusterAccess';
import { findRunningCluster } from './runningCluster';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pgm-studio-cluster-'));
});
afterEach(async () => rm(folder, { recursive: true, force: true }));

// postmaster.pid as PostgreSQL 15 writes it: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
const pidFile = (pid: number, port: number) => `${pid}\n${folder}\n1764250000\n${port}\n\n127.0.0.1\n  5432001  0\nready   \n`;

describe('findRunningCluster', () => {
  it('reads the pid and port of a live server', async () => {
    await writeFile(join(folder, 'postmaster.pid'), pidFile(process.pid, 54321));
    expect(await findRunningCluster(folder)).toEqual({ pid: process.pid, port: 54321, status: 'ready' });
  });

  it('ignores a stale file whose process is gone, and a missing file', async () => {
    const exited = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    await writeFile(join(folder, 'postmaster.pid'), pidFile(exited, 54321));
    expect(await findRunningCluster(folder)).toBeUndefined();
    expect(await findRunningCluster(join(folder, 'nothing-here'))).toBeUndefined();
  });
});

describe('clusterReachableByPostgresUser', () => {
  it('under root, refuses a cluster below a folder others cannot enter; otherwise accepts it', async () => {
    await chmod(folder, 0o700);
    await mkdir(join(folder, 'sandbox'));
    const check = clusterReachableByPostgresUser(join(folder, 'sandbox', 'cluster'));
    if (process.getuid?.() === 0) {
      await expect(check).rejects.toMatchObject({ code: 'connection-failed', hint: expect.stringContaining('PGM_STUDIO_DATA_DIR') });
      await chmod(folder, 0o755);
      await expect(clusterReachableByPostgresUser(join(folder, 'sandbox', 'cluster'))).resolves.toBeUndefined();
    } else {
      await expect(check).resolves.toBeUndefined();
    }
  });
});

describe('clusterLocation', () => {
  it('keeps the cluster in the data folder unless root cannot hand it to the postgres user', async () => {
    const dataDir = join(folder, 'data');
    const preferred = join(dataDir, 'sandbox', 'cluster');
    await chmod(folder, 0o755);
    expect(clusterLocation(preferred, dataDir)).toBe(preferred);
    await chmod(folder, 0o700);
    const placed = clusterLocation(preferred, dataDir);
    if (process.getuid?.() === 0) {
      expect(placed.startsWith(`${rootClusterBase}/`)).toBe(true);
      // One cluster per data folder: the same folder maps to the same place, another does not.
      expect(clusterLocation(preferred, dataDir)).toBe(placed);
      expect(clusterLocation(join(folder, 'other', 'sandbox', 'cluster'), join(folder, 'other'))).not.toBe(placed);
    } else {
      expect(placed).toBe(preferred);
    }
  });
});

describe('mkdirEnterable', () => {
  it('under root, leaves every folder it creates enterable by the postgres user even with umask 077', async () => {
    const previous = process.umask(0o077);
    try {
      await mkdirEnterable(join(folder, 'a', 'b', 'c'));
    } finally {
      process.umask(previous);
    }
    const modes = await Promise.all(['a', 'a/b', 'a/b/c'].map(async (f) => (await stat(join(folder, f))).mode & 0o777));
    expect(modes).toEqual(process.getuid?.() === 0 ? [0o755, 0o755, 0o755] : [0o700, 0o700, 0o700]);
  });
});
