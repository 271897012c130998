import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it('uses the largest unit under 1024 with one decimal', () => {
    expect(formatBytes(0)).toMatch(/^0\s?byte/);
    expect(formatBytes(1536)).toMatch(/^1\.5\s?kB$/);
    expect(formatBytes(5 * 1024 * 1024)).toMatch(/^5\s?MB$/);
  });
});
