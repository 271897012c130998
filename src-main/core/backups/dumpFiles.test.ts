import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyRowCounter, digestDump, followDump } from './dumpFiles';

/** Rows counted with the content fed in chunks of `size` bytes. */
function rowsOf(content: string, size = 1 << 20): number {
  const counter = copyRowCounter();
  const bytes = Buffer.from(content, 'utf8');
  for (let at = 0; at < bytes.length; at += size) counter.add(bytes.subarray(at, at + size));
  return counter.rows();
}

describe('rows of a dump\'s COPY data', () => {
  it('one per line, pg_dump\'s end-of-data marker and the empty lines after it are none', () => {
    expect(rowsOf('1\tone\n2\ttwo\n\\.\n\n\n')).toBe(2);
    expect(rowsOf('\\.\n\n\n')).toBe(0);
    expect(rowsOf('')).toBe(0);
  });

  it('without the marker every line is a row, an empty one too (a row of one empty string)', () => {
    expect(rowsOf('1\tone\n2\ttwo\n')).toBe(2);
    expect(rowsOf('a\n\n')).toBe(2);
    expect(rowsOf('a\n\n\\.\n\n\n')).toBe(2);
  });

  it('a value `\\.` is written `\\\\.` and stays a row; escaped newlines are inside one row', () => {
    expect(rowsOf('x\n\\\\.\n\\.\n\n\n')).toBe(2);
    expect(rowsOf('x\n\\\\.\n')).toBe(2);
    expect(rowsOf('two\\nlines\tand\\r\\n\n\\.\n\n\n')).toBe(1);
  });

  it('the same however the file is cut into chunks, and past the 64 bytes kept of its end', () => {
    const content = `${Array.from({ length: 500 }, (_, i) => `${i}\tsome text ${'x'.repeat(i % 90)}`).join('\n')}\n\\.\n\n\n`;
    for (const size of [1, 2, 3, 7, 63, 64, 65, 4096]) expect(rowsOf(content, size)).toBe(500);
    expect(rowsOf('\\.\n\n\n', 1)).toBe(0);
  });
});

describe('following a directory dump while it is written', () => {
  it('gives the digest and rows of reading the finished dump, however the files grew', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pgm-follow-'));
    try {
      const following = followDump(folder);
      const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => `${from + i}\tline ${'y'.repeat(i % 300)}\\n${i}\n`).join('');
      await appendFile(join(folder, '3001.dat'), rows(0, 2000));
      await new Promise((r) => setTimeout(r, 250));
      await appendFile(join(folder, '3002.dat'), rows(0, 10));
      await appendFile(join(folder, '3001.dat'), `${rows(2000, 1500)}\\.\n\n\n`);
      following.finished(3001);
      await new Promise((r) => setTimeout(r, 250));
      await appendFile(join(folder, '3002.dat'), `${rows(10, 5)}\\.\n\n\n`);
      await appendFile(join(folder, 'toc.dat'), 'table of contents');
      const followed = await following.complete();
      expect(followed.dataRows).toEqual(new Map([[3001, 3500], [3002, 15]]));
      expect(followed).toEqual(await digestDump(folder));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
