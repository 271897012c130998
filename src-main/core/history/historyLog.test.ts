import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../contract';
import { historyFile, openHistoryLog, toCsv } from './historyLog';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

const entry = (over: Partial<HistoryEntry>): Omit<HistoryEntry, 'id'> => ({
  time: '2026-12-01T10:00:00.000Z', operation: 'run', door: 'cli', actor: { kind: 'os-user', name: 'ana' }, connection: 'ana@db:5432/shop', database: 'shop',
  migrations: ['1_init'], direction: 'up', durationMs: 12, result: 'success', message: 'ok', sql: ['CREATE TABLE a (id int);'], ...over,
});

describe('the audit log', () => {
  it('appends JSON lines that a new log (a restarted app) reads back, newest first, filtered and paged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pgm-history-'));
    folders.push(dir);
    const log = openHistoryLog(dir);
    await Promise.all([
      log.append(entry({ time: '2026-12-01T10:00:00.000Z' })),
      log.append(entry({ time: '2026-12-01T11:00:00.000Z', operation: 'rollback', result: 'failure', message: 'lock timeout', migrations: ['2_notes'] })),
      log.append(entry({ time: '2026-12-01T12:00:00.000Z', operation: 'backup', door: 'seed-api', actor: { kind: 'api-token', role: 'admin' } })),
    ]);
    expect((await readFile(historyFile(dir), 'utf8')).trim().split('\n')).toHaveLength(3);
    const reopened = openHistoryLog(dir);
    const all = await reopened.list({ offset: 0, limit: 2 });
    expect(all.total).toBe(3);
    expect(all.entries.map((e) => e.operation)).toEqual(['backup', 'rollback']);
    expect((await reopened.list({ offset: 0, limit: 10, search: 'LOCK' })).entries.map((e) => e.operation)).toEqual(['rollback']);
    expect((await reopened.list({ offset: 0, limit: 10, search: '2_notes' })).total).toBe(1);
    expect((await reopened.list({ offset: 0, limit: 10, doors: ['seed-api'] })).entries[0]?.actor).toEqual({ kind: 'api-token', role: 'admin' });
    expect((await reopened.list({ offset: 0, limit: 10, results: ['failure'] })).total).toBe(1);
    expect((await reopened.list({ offset: 0, limit: 10, from: '2026-12-01T10:30:00Z' })).total).toBe(2);
    const exported = await reopened.export({ format: 'json', operations: ['run'] });
    expect(JSON.parse(exported.content)).toHaveLength(1);
  });

  it('CSV quotes commas, quotes and newlines, and never lets a cell start a formula', () => {
    const csv = toCsv([{ id: 'x', ...entry({ message: '=HYPERLINK("x"), then', sql: ['a;', 'b;'] }) }]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('time,operation,door,actor,connection,database,migrations,direction,durationMs,result,message,sql');
    expect(row).toContain('"\'=HYPERLINK(""x""), then"');
    expect(row).toContain('"a;\nb;"');
  });
});
