import { describe, expect, it } from 'vitest';
import { prettySize } from './formatCatalog';

describe('prettySize', () => {
  it('prints sizes the way pg_size_pretty does', () => {
    expect(prettySize(0)).toBe('0 bytes');
    expect(prettySize(8192)).toBe('8192 bytes');
    expect(prettySize(16_384)).toBe('16 kB');
    expect(prettySize(10_485_760)).toBe('10 MB');
    expect(prettySize(null)).toBe('—');
  });
});
