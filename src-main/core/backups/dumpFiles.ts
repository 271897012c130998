import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';

/** Size of a dump: a file, or every file of a directory-format dump. 0 while it does not exist. */
export async function dumpSize(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  const entries = await readdir(path).catch(() => [] as string[]);
  const sizes = await Promise.all(entries.map((e) => stat(join(path, e)).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

const newline = 0x0a;
const backslash = 0x5c;
const dot = 0x2e;

/**
 * Rows of a table's COPY text as pg_dump writes it into a dump: one line per row (a newline inside a
 * value is written as `\n`), then pg_dump 15's end-of-data marker line `\.` and empty lines, which
 * are no rows. A data line is never `\.` alone (COPY writes a backslash in a value as `\\`); without
 * the marker every line is a row (an empty line is a row of one empty string).
 */
export function copyRowCounter() {
  let newlines = 0;
  let tail = Buffer.alloc(0);
  return {
    add(chunk: Buffer): void {
      for (let at = chunk.indexOf(newline); at !== -1; at = chunk.indexOf(newline, at + 1)) newlines++;
      tail = Buffer.concat([tail, chunk.subarray(Math.max(0, chunk.length - 64))]).subarray(-64);
    },
    rows(): number {
      let end = tail.length;
      while (end > 0 && tail[end - 1] === newline) end--;
      const trailing = tail.length - end;
      if (trailing === 0 || end < 2 || tail[end - 2] !== backslash || tail[end - 1] !== dot) return newlines;
      // The marker is a line of its own: a newline before it, or nothing (the whole content is in the tail).
      const ownLine = end > 2 ? tail[end - 3] === newline : newlines === trailing;
      return ownLine ? newlines - trailing : newlines;
    },
  };
}

/**
 * SHA-256 of a file's bytes; with `rows`, also the rows of the COPY text it holds (after gunzip when
 * it is 'gzip'), counted in the same read.
 */
function readFileDigest(path: string, rows: 'plain' | 'gzip' | null): Promise<{ sha256: string; rows: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const counter = copyRowCounter();
    const gunzip = rows === 'gzip' ? createGunzip() : null;
    let pending = gunzip ? 2 : 1;
    const settle = () => {
      if (--pending === 0) resolve({ sha256: hash.digest('hex'), rows: counter.rows() });
    };
    gunzip?.on('data', (chunk: Buffer) => counter.add(chunk)).on('error', reject).on('end', settle);
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        if (rows === 'plain') counter.add(bytes);
        gunzip?.write(bytes);
      })
      .on('error', reject)
      .on('end', () => {
        gunzip?.end();
        settle();
      });
  });
}

/** A directory dump's table data file: `<dump id>.dat`, `.dat.gz` when pg_dump compressed it. */
const dataFile = /^(\d+)\.dat(\.gz)?$/;

export interface DumpDigest {
  sha256: string;
  /** Directory dumps: the rows in each table data file (see copyRowCounter), by the dump id of its TOC entry. */
  dataRows: Map<number, number>;
}

/**
 * SHA-256 of a dump file; for a directory dump, of its manifest (`<sha256>  <file>` per file, sorted),
 * so a changed, missing or extra file changes it. The data files' rows are counted in the same read.
 */
export async function digestDump(path: string): Promise<DumpDigest> {
  const info = await stat(path);
  if (!info.isDirectory()) return { sha256: (await readFileDigest(path, null)).sha256, dataRows: new Map() };
  const files = (await readdir(path)).sort();
  const manifest: string[] = [];
  const dataRows = new Map<number, number>();
  for (const file of files) {
    const data = dataFile.exec(file);
    const digest = await readFileDigest(join(path, file), data ? (data[2] ? 'gzip' : 'plain') : null);
    if (data) dataRows.set(Number(data[1]), digest.rows);
    manifest.push(`${digest.sha256}  ${file}`);
  }
  return { sha256: createHash('sha256').update(`${manifest.join('\n')}\n`).digest('hex'), dataRows };
}

export async function dumpSha256(path: string): Promise<string> {
  return (await digestDump(path)).sha256;
}
