import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
