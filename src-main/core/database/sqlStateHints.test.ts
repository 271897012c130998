import { describe, expect, it } from 'vitest';
import { sqlStateHint } from './sqlStateHints';

describe('sqlStateHint', () => {
  it('a full lock table (53200, out of shared memory) says to run fewer migrations per command', () => {
    expect(sqlStateHint('53200', 'You might need to increase max_locks_per_transaction.')).toMatch(/^PostgreSQL: You might need.*--count N/);
    expect(sqlStateHint('53200')).toContain('max_locks_per_transaction');
  });

  it('PostgreSQL\'s own hint alone when we have none, nothing when neither has one', () => {
    expect(sqlStateHint('XX999', 'ask the DBA')).toBe('ask the DBA');
    expect(sqlStateHint(undefined)).toBeUndefined();
  });
});
