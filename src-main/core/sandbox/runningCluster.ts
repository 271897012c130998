import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface RunningCluster {
  pid: number;
  port: number;
  /** postmaster.pid's status line: 'starting', 'ready', 'stopping' (absent on very old servers). */
  status: string;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but owned by another user (the postgres user when the app runs as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The server another process (or this one) runs on this cluster, read from postmaster.pid:
 * line 1 the postmaster's pid, line 4 its port, line 8 its status. Undefined if none is alive.
 */
export async function findRunningCluster(clusterDir: string): Promise<RunningCluster | undefined> {
  let text: string;
  try {
    text = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n').map((line) => line.trim());
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  if (!isProcessAlive(pid)) return undefined;
  return { pid, port, status: lines[7] ?? '' };
}
