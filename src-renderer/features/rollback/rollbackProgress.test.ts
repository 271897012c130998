import { describe, expect, it } from 'vitest';
import type { StudioEvent } from '../../../src-main/contract';
import { reduceRollbackProgress, type RollbackProgress } from './rollbackProgress';

const started: StudioEvent = { type: 'rollback-started', rollbackId: 'r1', database: 'db', toMigration: 'a', plan: ['c', 'b'], steps: ['backup', 'verify', 'rehearse', 'run', 'integrity', 'report'] };

describe('reduceRollbackProgress', () => {
  it('takes the rollback that starts while waiting, and marks its steps as they go', () => {
    let state: RollbackProgress | null = reduceRollbackProgress(null, started, true);
    state = reduceRollbackProgress(state, { type: 'rollback-step', rollbackId: 'r1', step: 'backup', state: 'skipped', message: 'existing backup b1' }, true);
    state = reduceRollbackProgress(state, { type: 'rollback-step', rollbackId: 'r1', step: 'run', state: 'running', message: 'reverting 2' }, true);
    expect(state?.steps.map((s) => s.state)).toEqual(['skipped', 'pending', 'pending', 'running', 'pending', 'pending']);
    state = reduceRollbackProgress(state, { type: 'rollback-finished', rollbackId: 'r1', success: true, message: 'done', failedStep: null }, true);
    expect(state?.finished).toEqual({ success: true, message: 'done' });
  });

  it('ignores a rollback it is not waiting for, and another rollback\'s steps', () => {
    expect(reduceRollbackProgress(null, started, false)).toBeNull();
    const mine = reduceRollbackProgress(null, started, true);
    const other = reduceRollbackProgress(mine, { type: 'rollback-step', rollbackId: 'r2', step: 'run', state: 'failed', message: 'x' }, true);
    expect(other).toEqual(mine);
  });
});
