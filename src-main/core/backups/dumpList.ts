import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BackupTable } from '../../contract';
import type { DumpDigest } from './dumpFiles';

const run = promisify(execFile);

/** `pg_restore --list` of a dump: its table of contents as text (reads only the TOC, not the data). */
export async function readDumpList(pgRestore: string, path: string): Promise<string> {
  return (await run(pgRestore, ['--list', path], { maxBuffer: 256 * 1024 * 1024, timeout: 10 * 60_000 })).stdout;
}

/** Every TABLE DATA entry of `pg_restore --list` ("3349; 0 16385 TABLE DATA public a owner"): its dump id and `schema name`. */
export function tableDataEntries(list: string): { dumpId: number; table: string }[] {
  return list.split('\n').flatMap((line) => {
    const match = /^(\d+);\s+\d+\s+\d+\s+TABLE DATA\s+(.+)\s+\S+$/.exec(line.trim());
    return match ? [{ dumpId: Number(match[1]), table: match[2]! }] : [];
  });
}

/** `schema name` of every TABLE DATA entry of `pg_restore --list`. */
export const listedTableData = (list: string): string[] => tableDataEntries(list).map((e) => e.table);

/**
 * Each table's rows as the dump holds them: the rows of its data file (see DumpDigest.dataRows),
 * found through the list's TABLE DATA entry. `missing`: tables the dump has no data for.
 */
export function rowsInDump(tables: readonly { schema: string; name: string }[], list: string, digest: DumpDigest): { counted: BackupTable[]; missing: string[] } {
  const idOf = new Map(tableDataEntries(list).map((e) => [e.table, e.dumpId]));
  const counted: BackupTable[] = [];
  const missing: string[] = [];
  for (const { schema, name } of tables) {
    const id = idOf.get(`${schema} ${name}`);
    const rows = id === undefined ? undefined : digest.dataRows.get(id);
    if (rows === undefined) missing.push(`${schema}.${name}`);
    else counted.push({ schema, name, rows });
  }
  return { counted, missing };
}
