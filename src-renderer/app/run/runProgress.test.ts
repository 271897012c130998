import { describe, expect, it } from 'vitest';
import { applyRefusal, applyRunResponse, describeError, idleProgress, reduceRunProgress, type RunProgress } from './runProgress';
import type { StudioEvent } from '../../../src-main/contract';

function play(events: StudioEvent[], from: RunProgress = idleProgress): RunProgress {
  return events.reduce((state, event) => reduceRunProgress(state, event, 0), from);
}

describe('reduceRunProgress', () => {
  it('tracks each migration from queued through running to done with its duration', () => {
    const state = play([
      { type: 'run-started', runId: 'r1', direction: 'up', plan: ['a', 'b'], rehearsal: false },
      { type: 'migration-started', runId: 'r1', name: 'a', direction: 'up' },
      { type: 'migration-finished', runId: 'r1', name: 'a', direction: 'up', durationMs: 12 },
      { type: 'migration-started', runId: 'r1', name: 'b', direction: 'up' },
    ]);
    expect(state.active).toBe(true);
    expect(state.byMigration.a).toEqual({ status: 'done', direction: 'up', durationMs: 12 });
    expect(state.byMigration.b).toEqual({ status: 'running', direction: 'up' });
  });

  it('keeps the live sample and the outside-transaction mark of the running migration, and drops both when the run ends', () => {
    const activity = { elapsedMs: 3000, backendPid: 77, migration: 'b', waitingFor: { lockType: 'relation', relation: 'users', mode: 'AccessExclusiveLock' }, blockers: [], queued: [] };
    const running = play([
      { type: 'run-started', runId: 'r1', direction: 'up', plan: ['a', 'b'], rehearsal: false, backendPid: 77 },
      { type: 'migration-started', runId: 'r1', name: 'b', direction: 'up' },
      { type: 'migration-outside-transaction', runId: 'r1', name: 'b' },
      { type: 'run-activity', runId: 'r1', ...activity },
    ]);
    expect(running).toMatchObject({ backendPid: 77, outsideTransaction: 'b', activity });
    const ended = play([{ type: 'run-finished', runId: 'r1', success: false, message: 'cancelled' }], running);
    expect(ended).toMatchObject({ active: false, activity: null, outsideTransaction: null });
    // A late sample after the end does not bring the waiting view back.
    expect(play([{ type: 'run-activity', runId: 'r1', ...activity }], ended).activity).toBeNull();
  });

  it('a backup or rollback event on the same stream leaves the run progress as it was', () => {
    const running = play([{ type: 'run-started', runId: 'r1', direction: 'up', plan: ['a'], rehearsal: false }]);
    expect(play([{ type: 'backup-progress', backupId: 'b1' } as unknown as StudioEvent], running)).toBe(running);
  });

  it('records the failure on the failing migration and ends the run', () => {
    const failure = { migration: 'b', pgCode: '42P01', message: 'relation "x" does not exist', position: 15 };
    const state = play([
      { type: 'run-started', runId: 'r1', direction: 'up', plan: ['b'], rehearsal: false },
      { type: 'migration-failed', runId: 'r1', name: 'b', direction: 'up', failure },
      { type: 'run-finished', runId: 'r1', success: false, message: 'Migration b failed' },
    ]);
    expect(state.byMigration.b).toEqual({ status: 'failed', direction: 'up', failure });
    expect(state.active).toBe(false);
    expect(state.outcome).toEqual({ success: false, message: 'Migration b failed' });
    expect(state.log.map((l) => l.level)).toEqual(['info', 'error', 'error']);
  });

  it('ignores events from another run and connection events', () => {
    const started = play([{ type: 'run-started', runId: 'r2', direction: 'down', plan: ['a'], rehearsal: true }]);
    const after = play([
      { type: 'migration-finished', runId: 'r1', name: 'a', direction: 'down', durationMs: 3 },
      { type: 'connections-changed' },
    ], started);
    expect(after).toBe(started);
  });

  it('applyRunResponse marks the failure, what was rolled back, and forgets what never ran', () => {
    const failure = { migration: 'b', message: 'boom' };
    const during = play([
      { type: 'run-started', runId: 'r1', direction: 'up', plan: ['a', 'b', 'c'], rehearsal: false },
      { type: 'migration-finished', runId: 'r1', name: 'a', direction: 'up', durationMs: 5 },
    ]);
    const after = applyRunResponse(during, 'up', {
      results: [
        { name: 'a', direction: 'up', timestamp: '2026-11-27T12:00:00Z', success: false, rolledBack: true },
        { name: 'b', direction: 'up', timestamp: '2026-11-27T12:00:01Z', success: false },
      ],
      failure,
    });
    expect(after.byMigration).toEqual({ a: { status: 'rolled-back', direction: 'up' }, b: { status: 'failed', direction: 'up', failure } });
    expect(after.active).toBe(false);
  });

  it('applyRunResponse keeps successes as they are', () => {
    const during = play([
      { type: 'run-started', runId: 'r1', direction: 'down', plan: ['a'], rehearsal: false },
      { type: 'migration-finished', runId: 'r1', name: 'a', direction: 'down', durationMs: 5 },
    ]);
    const after = applyRunResponse(during, 'down', { results: [{ name: 'a', direction: 'down', timestamp: '2026-11-27T12:00:00Z', success: true }] });
    expect(after.byMigration.a).toEqual({ status: 'done', direction: 'down', durationMs: 5 });
  });
});

describe('applyRefusal', () => {
  it('keeps the refusal and its hint in the log and marks the run failed', () => {
    const refused = applyRefusal(idleProgress, describeError({ code: 'plan-changed', message: 'The migrations to run changed.', hint: 'Confirm again.' }), 0);
    expect(refused.outcome).toEqual({ success: false, message: 'The migrations to run changed. What to do: Confirm again.' });
    expect(refused.log).toEqual([{ level: 'error', message: 'The migrations to run changed. What to do: Confirm again.', at: 0 }]);
  });
});
