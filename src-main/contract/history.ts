import * as z from 'zod';
import { channel } from './channel';

// The audit log: every operation performed on a database, from any door, kept in the data folder.

export const historyOperations = ['run', 'redo', 'rehearsal', 'rollback', 'backup', 'verify', 'restore', 'guard-override', 'backup-skipped'] as const;
export type HistoryOperation = (typeof historyOperations)[number];

export const historyDoors = ['electron', 'server', 'cli', 'seed-api'] as const;
export type HistoryDoor = (typeof historyDoors)[number];

export const historyResults = ['success', 'failure', 'cancelled'] as const;
export type HistoryResult = (typeof historyResults)[number];

export interface HistoryEntry {
  id: string;
  /** ISO time the operation started. */
  time: string;
  operation: HistoryOperation;
  door: HistoryDoor;
  /** Who: the OS user running the studio, or the API token's role for a seed API call. */
  actor: { kind: 'os-user'; name: string } | { kind: 'api-token'; role: string };
  /** Masked `user@host:port/db`. */
  connection: string;
  database: string;
  migrations: string[];
  direction: 'up' | 'down' | null;
  durationMs: number;
  result: HistoryResult;
  message: string;
  /** The SQL the operation executed (statements, in order); empty for backups. */
  sql: string[];
  /** Operation specifics: backup id, rollback id, restore target, the override given... */
  detail?: Record<string, string | number | boolean | null>;
}

export const historyFilterSchema = z
  .object({
    /** Matches message, migrations, connection, SQL, actor (case-insensitive). */
    search: z.string().max(200).optional(),
    operations: z.array(z.enum(historyOperations)).max(historyOperations.length).optional(),
    results: z.array(z.enum(historyResults)).max(historyResults.length).optional(),
    doors: z.array(z.enum(historyDoors)).max(historyDoors.length).optional(),
    database: z.string().max(200).optional(),
    /** ISO times, inclusive. */
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
  })
  .strict();

export const historyListInputSchema = historyFilterSchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export interface HistoryPage {
  /** Newest first. */
  entries: HistoryEntry[];
  /** Matching the filters, before paging. */
  total: number;
  offset: number;
  limit: number;
}

export const historyExportInputSchema = historyFilterSchema.extend({ format: z.enum(['json', 'csv']) });

export interface HistoryExport {
  format: 'json' | 'csv';
  /** A suggested file name, e.g. pgm-studio-history-2026-12-01.csv. */
  fileName: string;
  mimeType: string;
  content: string;
  count: number;
}

export const historyContract = {
  'history/list': channel<HistoryPage>()(historyListInputSchema),
  'history/export': channel<HistoryExport>()(historyExportInputSchema),
};
