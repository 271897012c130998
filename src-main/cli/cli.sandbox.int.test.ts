// Zero configuration: no URL anywhere, so the CLI starts the built-in sandbox in the data folder,
// says so on stderr, and stops it again before exiting.
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationStatusResponse } from '../contract';
import { spawnCli } from './testing/spawnCli';

describe('pgm-studio with no database configured', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-cli-sandbox-'));
    // mkdtemp makes it 0700; as root, the sandbox's "postgres" user must be able to enter it.
    await chmod(dataDir, 0o755);
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('status runs on the sandbox, announces it, and leaves no server running', async () => {
    const run = await spawnCli(['status', '--json', '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('starting the built-in sandbox database…');
    const { status } = run.json<MigrationStatusResponse>();
    expect(status.migrations.map((m) => m.name)).toHaveLength(3);
    expect(status.isUpToDate).toBe(false);
    // The store was closed: PostgreSQL removes its pid file when it stops.
    const clusterFiles = join(dataDir, 'sandbox');
    expect(existsSync(clusterFiles)).toBe(true);
    const pidFiles = (await readdir(clusterFiles, { recursive: true })).filter((f) => String(f).endsWith('postmaster.pid'));
    expect(pidFiles).toEqual([]);
  });
});
