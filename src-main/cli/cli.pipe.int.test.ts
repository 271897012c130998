// `--json` through a real pipe whose reader is slower than the CLI: the whole document arrives.
// Exiting right after the write used to cut it at a multiple of 64 KiB (the pipe's buffer).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMigrations } from '../../bench/generateMigrations';
import type { MigrationStatusResponse } from '../contract';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { cliBin, repoRoot } from './testing/spawnCli';

describe('pgm-studio --json on a pipe', () => {
  let db: TestDatabase;
  let migrationsDir: string;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_pipe');
    migrationsDir = await mkdtemp(join(tmpdir(), 'pgm-studio-pipe-'));
    dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-pipe-data-'));
    await generateMigrations(migrationsDir, 5_000);
  });
  afterAll(async () => {
    await db?.drop();
    for (const dir of [migrationsDir, dataDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('status --json over 5,000 migrations: a document of over 1 MB arrives whole through a slow reader', async () => {
    const child = spawn(process.execPath, [cliBin, 'status', '--json', '--migrations-dir', migrationsDir], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', DATABASE_URL: db.url, PGM_STUDIO_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // A slow reader: take one chunk at a time with a pause in between, as `| jq` on a busy machine would.
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      child.stdout.pause();
      void sleep(5).then(() => child.stdout.resume());
    });
    expect(await exited, stderr).toBe(0);
    const output = Buffer.concat(chunks).toString('utf8');
    expect(output.length).toBeGreaterThan(1024 * 1024); // ~1.4 MB: twenty times the pipe buffer
    const body = JSON.parse(output) as MigrationStatusResponse;
    expect(body.status.migrations).toHaveLength(5_000);
    expect(body.status.pendingMigrations).toHaveLength(5_000);
  }, 180_000);
});
