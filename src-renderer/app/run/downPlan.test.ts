import { describe, expect, it } from 'vitest';
import type { RollbackReport } from '../../../src-main/contract';
import { remainingAfter, reportAsRunResponse } from './downPlan';

const applied = ['a', 'b', 'c'];

describe('remainingAfter', () => {
  it('is the applied migration just before the oldest one reverted', () => {
    expect(remainingAfter({ direction: 'down', migrations: ['c'] }, applied)).toBe('b');
    expect(remainingAfter({ direction: 'down', migrations: ['c', 'b'] }, applied)).toBe('a');
  });
  it('is null when everything is reverted, and the selection\'s own target when it has one', () => {
    expect(remainingAfter({ direction: 'down', migrations: ['c', 'b', 'a'] }, applied)).toBeNull();
    expect(remainingAfter({ direction: 'down', migrations: ['c'] }, applied, 'b')).toBe('b');
  });
});

describe('reportAsRunResponse', () => {
  it('says the database is unchanged when a step failed before the downs', () => {
    const report = { success: false, message: 'The backup was cancelled.', run: null, databaseChanged: false } as unknown as RollbackReport;
    const response = reportAsRunResponse(report);
    expect(response.success).toBe(false);
    expect(response.message).toBe('The backup was cancelled. The database is unchanged.');
    expect(response.failure?.message).toBe('The backup was cancelled.');
  });
});
