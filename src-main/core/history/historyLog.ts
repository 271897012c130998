import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryEntry, HistoryExport, HistoryPage, historyFilterSchema } from '../../contract';
import type * as z from 'zod';

export type HistoryFilter = z.infer<typeof historyFilterSchema>;

/** The audit log: one JSON object per line, appended, in the data folder. */
export const historyFile = (dataDir: string) => join(dataDir, 'history.jsonl');

export interface HistoryLog {
  append(entry: Omit<HistoryEntry, 'id'>): Promise<HistoryEntry>;
  list(filter: HistoryFilter & { offset: number; limit: number }): Promise<HistoryPage>;
  export(filter: HistoryFilter & { format: 'json' | 'csv' }): Promise<HistoryExport>;
}

async function readEntries(file: string): Promise<HistoryEntry[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const entries: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as HistoryEntry);
    } catch {
      // A line cut off by a crash mid-append: the rest of the log still reads.
    }
  }
  return entries;
}

export function matchesFilter(entry: HistoryEntry, filter: HistoryFilter): boolean {
  if (filter.operations?.length && !filter.operations.includes(entry.operation)) return false;
  if (filter.results?.length && !filter.results.includes(entry.result)) return false;
  if (filter.doors?.length && !filter.doors.includes(entry.door)) return false;
  if (filter.database && !entry.database.toLowerCase().includes(filter.database.toLowerCase()) && !entry.connection.toLowerCase().includes(filter.database.toLowerCase())) return false;
  if (filter.from && entry.time < new Date(filter.from).toISOString()) return false;
  if (filter.to && entry.time > new Date(filter.to).toISOString()) return false;
  if (filter.search) {
    const needle = filter.search.toLowerCase();
    const actor = entry.actor.kind === 'os-user' ? entry.actor.name : entry.actor.role;
    const haystack = [entry.message, entry.connection, entry.operation, actor, ...entry.migrations, ...entry.sql, ...Object.values(entry.detail ?? {}).map(String)].join('\n').toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

const csvColumns = ['time', 'operation', 'door', 'actor', 'connection', 'database', 'migrations', 'direction', 'durationMs', 'result', 'message', 'sql'] as const;

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(entries: readonly HistoryEntry[]): string {
  const rows = entries.map((e) => {
    const values: Record<(typeof csvColumns)[number], string> = {
      time: e.time,
      operation: e.operation,
      door: e.door,
      actor: e.actor.kind === 'os-user' ? e.actor.name : `token:${e.actor.role}`,
      connection: e.connection,
      database: e.database,
      migrations: e.migrations.join(' '),
      direction: e.direction ?? '',
      durationMs: String(e.durationMs),
      result: e.result,
      message: e.message,
      sql: e.sql.join('\n'),
    };
    return csvColumns.map((c) => csvCell(values[c])).join(',');
  });
  return `${[csvColumns.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Appends are serialised, so two operations finishing together never interleave their lines. */
export function openHistoryLog(dataDir: string): HistoryLog {
  const file = historyFile(dataDir);
  let queue: Promise<unknown> = Promise.resolve();
  const newestFirst = async (filter: HistoryFilter) => (await readEntries(file)).filter((e) => matchesFilter(e, filter)).reverse();
  return {
    append(partial) {
      const entry: HistoryEntry = { id: randomUUID(), ...partial };
      const write = queue.then(async () => {
        await mkdir(dataDir, { recursive: true });
        await appendFile(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      });
      queue = write.catch(() => undefined);
      return write.then(() => entry);
    },
    async list({ offset, limit, ...filter }) {
      const entries = await newestFirst(filter);
      return { entries: entries.slice(offset, offset + limit), total: entries.length, offset, limit };
    },
    async export({ format, ...filter }) {
      const entries = await newestFirst(filter);
      const day = new Date().toISOString().slice(0, 10);
      return format === 'json'
        ? { format, fileName: `pgm-studio-history-${day}.json`, mimeType: 'application/json', content: `${JSON.stringify(entries, null, 2)}\n`, count: entries.length }
        : { format, fileName: `pgm-studio-history-${day}.csv`, mimeType: 'text/csv', content: toCsv(entries), count: entries.length };
    },
  };
}
