import { describe, expect, it } from 'vitest';
import { copyRowCounter } from './dumpFiles';

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
