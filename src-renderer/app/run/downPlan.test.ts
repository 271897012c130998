import { describe, expect, it } from 'vitest';
import type { RollbackReport } from '../../../src-main/contract';
import { remainingAfter, reportAsRunResponse, safeDownInput, type SafeDown } from './downPlan';

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
    const report = { success: false, message: 'The backup was cancelled.', run: null, databaseChanged: false, failedStep: 'backup', steps: [{ step: 'backup', state: 'failed', message: 'cancelled', durationMs: 1 }] } as unknown as RollbackReport;
    const response = reportAsRunResponse(report);
    expect(response.success).toBe(false);
    expect(response.message).toBe('The backup was cancelled. The database is unchanged.');
    expect(response.failure?.message).toBe('The backup was cancelled.');
    expect(response.failure).not.toHaveProperty('hint');
  });

  it('carries the failed step\'s hint when the downs never ran (a rehearsal stopped by a lock timeout)', () => {
    const hint = 'Nothing was changed by this statement. Retry in a quieter moment.';
    const report = {
      success: false, message: 'Stopped at rehearse: lock_timeout (5s) reached.', run: null, databaseChanged: false, failedStep: 'rehearse',
      steps: [{ step: 'backup', state: 'done', message: '', durationMs: 1 }, { step: 'rehearse', state: 'failed', message: 'lock_timeout (5s) reached', hint, durationMs: 5000 }],
    } as unknown as RollbackReport;
    expect(reportAsRunResponse(report).failure).toEqual({ migration: null, message: report.message, hint });
  });
});

describe('safeDownInput', () => {
  const down = (request: Partial<SafeDown['request']>, extra: Partial<SafeDown> = {}): SafeDown => ({
    connectionId: 'prod',
    request: { mode: 'run', selection: { direction: 'down', count: 1 }, label: 'Down 1', ...request },
    plan: { direction: 'down', migrations: ['c'] },
    safety: { backupFirst: true, skip: { typedDatabaseName: '', phrase: '' } },
    applied,
    ...extra,
  });

  it('carries a check-order-off confirmation to rollback/run, and nothing about check-order otherwise', () => {
    expect(safeDownInput(down({ checkOrderOff: true }))).toEqual({ connectionId: 'prod', toMigration: 'b', backup: { create: true }, expectedPlan: ['c'], checkOrder: false });
    expect(safeDownInput(down({}))).not.toHaveProperty('checkOrder');
  });

  it('carries the typed name, the timeout override and a skipped backup as the operator gave them', () => {
    const skip = { typedDatabaseName: 'shop', phrase: 'skip' };
    expect(safeDownInput(down({}, { confirm: 'shop', timeouts: { lockTimeout: '2s' }, safety: { backupFirst: false, skip } }))).toEqual({
      connectionId: 'prod', toMigration: 'b', backup: { skip }, expectedPlan: ['c'], confirm: 'shop', timeouts: { lockTimeout: '2s' },
    });
  });
});
