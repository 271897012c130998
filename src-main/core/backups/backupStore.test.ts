import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupRecord } from '../../contract';
import { backupFolder, listBackupRecords } from './backupStore';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

const record = (id: string): BackupRecord => ({
  id, status: 'running', database: 'u@h:5432/db', databaseName: 'db', createdAt: `2026-12-01T10:00:0${id.length % 10}.000Z`, finishedAt: null, format: 'directory',
  path: `/x/${id}/dump`, sizeBytes: null, sha256: null, schemas: null, appliedMigrations: [], lastMigration: null, tables: [], serverVersion: '15.4', tool: null,
  durationMs: null, verification: null, verified: false, message: null, origin: { kind: 'manual' }, reportPath: null,
});

async function store(dataDir: string, id: string, writerPid?: number) {
  await mkdir(backupFolder(dataDir, id), { recursive: true });
  await writeFile(join(backupFolder(dataDir, id), 'backup.json'), JSON.stringify({ ...record(id), ...(writerPid === undefined ? {} : { writerPid }) }));
}

describe('a running backup in the list', () => {
  it('stays running while another live process writes it, and is failed once its writer is gone', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pgm-backup-store-'));
    folders.push(dataDir);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const exited = spawn(process.execPath, ['-e', '']);
      await new Promise((resolve) => exited.on('exit', resolve));
      await store(dataDir, 'live', other.pid);
      await store(dataDir, 'gone', exited.pid);
      await store(dataDir, 'old');
      const byId = Object.fromEntries((await listBackupRecords(dataDir)).map((r) => [r.id, r]));
      expect(byId.live?.status).toBe('running');
      expect(byId.gone).toMatchObject({ status: 'failed', verified: false });
      expect(byId.old?.status).toBe('failed');
      expect(byId.live).not.toHaveProperty('writerPid');
    } finally {
      other.kill();
    }
  });
});
