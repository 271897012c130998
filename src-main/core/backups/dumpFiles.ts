import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
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

type RowsIn = 'plain' | 'gzip' | null;

/**
 * SHA-256 of a file's bytes; with `rows`, also the rows of the COPY text it holds (after gunzip when
 * it is 'gzip'), counted in the same read. Reads while the file grows (a dump being written) until
 * `complete()` was true before a read that found nothing more.
 */
async function followFile(path: string, rows: RowsIn, complete: () => boolean): Promise<{ sha256: string; rows: number }> {
  const hash = createHash('sha256');
  const counter = copyRowCounter();
  const gunzip = rows === 'gzip' ? createGunzip() : null;
  const unzipped = gunzip ? new Promise<void>((resolve, reject) => gunzip.on('data', (chunk: Buffer) => counter.add(chunk)).on('error', reject).on('end', resolve)) : null;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let offset = 0;
    for (;;) {
      const completeBefore = complete();
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      if (bytesRead === 0) {
        if (completeBefore) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      offset += bytesRead;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      if (rows === 'plain') counter.add(chunk);
      gunzip?.write(Buffer.from(chunk));
    }
  } finally {
    await handle.close();
  }
  gunzip?.end();
  await unzipped;
  return { sha256: hash.digest('hex'), rows: counter.rows() };
}

/** A directory dump's table data file: `<dump id>.dat`, `.dat.gz` when pg_dump compressed it. */
const dataFile = /^(\d+)\.dat(\.gz)?$/;
const rowsIn = (file: string): RowsIn => {
  const data = dataFile.exec(file);
  return data ? (data[2] ? 'gzip' : 'plain') : null;
};

export interface DumpDigest {
  sha256: string;
  /** Directory dumps: the rows in each table data file (see copyRowCounter), by the dump id of its TOC entry. */
  dataRows: Map<number, number>;
}

/** The manifest's SHA-256 (`<sha256>  <file>` per file, sorted by name) and the data files' rows. */
function manifestDigest(files: Map<string, { sha256: string; rows: number }>): DumpDigest {
  const names = [...files.keys()].sort();
  const dataRows = new Map<number, number>();
  for (const name of names) {
    const id = dataFile.exec(name)?.[1];
    if (id !== undefined) dataRows.set(Number(id), files.get(name)!.rows);
  }
  const manifest = names.map((name) => `${files.get(name)!.sha256}  ${name}`);
  return { sha256: createHash('sha256').update(`${manifest.join('\n')}\n`).digest('hex'), dataRows };
}

/**
 * SHA-256 of a dump file; for a directory dump, of its manifest, so a changed, missing or extra file
 * changes it. The data files' rows are counted in the same read.
 */
export async function digestDump(path: string): Promise<DumpDigest> {
  const info = await stat(path);
  if (!info.isDirectory()) return { sha256: (await followFile(path, null, () => true)).sha256, dataRows: new Map() };
  const files = new Map<string, { sha256: string; rows: number }>();
  for (const file of (await readdir(path)).sort()) files.set(file, await followFile(join(path, file), rowsIn(file), () => true));
  return manifestDigest(files);
}

/**
 * digestDump of a directory dump while pg_dump writes it: each data file is read as it grows, so
 * hashing and counting run beside the dump (on a core a table's COPY leaves idle) instead of after
 * it. `finished(id)`: pg_dump --verbose said that item is written; `complete()` once pg_dump exited
 * successfully reads what is left (and the files written last, such as toc.dat); `stop()` on failure.
 */
export function followDump(folder: string) {
  const followed = new Map<string, Promise<{ sha256: string; rows: number }>>();
  const finishedIds = new Set<number>();
  let exited = false;
  const follow = (file: string) => {
    const id = Number(dataFile.exec(file)?.[1]);
    const reading = followFile(join(folder, file), rowsIn(file), () => exited || finishedIds.has(id));
    reading.catch(() => undefined);
    followed.set(file, reading);
  };
  const scan = async () => {
    for (const file of await readdir(folder).catch(() => [] as string[])) if (!followed.has(file) && dataFile.test(file)) follow(file);
  };
  const timer = setInterval(() => void scan(), 100);
  return {
    finished: (id: number) => void finishedIds.add(id),
    async complete(): Promise<DumpDigest> {
      clearInterval(timer);
      exited = true;
      for (const file of await readdir(folder)) if (!followed.has(file)) followed.set(file, followFile(join(folder, file), rowsIn(file), () => true));
      const files = new Map<string, { sha256: string; rows: number }>();
      for (const [file, reading] of followed) files.set(file, await reading);
      return manifestDigest(files);
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      exited = true;
      await Promise.allSettled(followed.values());
    },
  };
}

export async function dumpSha256(path: string): Promise<string> {
  return (await digestDump(path)).sha256;
}
