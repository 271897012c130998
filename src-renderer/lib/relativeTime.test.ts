import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime';

describe('relativeTime', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('says just now under ten seconds', () => {
    expect(relativeTime('2026-11-27T11:59:55Z', now)).toBe('just now');
  });
  it('uses the largest unit that fits', () => {
    expect(relativeTime('2026-11-27T11:57:00Z', now)).toBe('3 min. ago');
    expect(relativeTime('2026-11-27T09:00:00Z', now)).toBe('3 hr. ago');
    expect(relativeTime('2026-11-20T12:00:00Z', now)).toBe('last wk.');
  });
});
