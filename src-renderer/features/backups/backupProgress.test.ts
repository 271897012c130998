import { describe, expect, it } from 'vitest';
import type { StudioEvent } from '../../../src-main/contract';
import { reduceTransferProgress, transferPercent, type TransferProgress } from './backupProgress';

function play(events: StudioEvent[]): TransferProgress | null {
  return events.reduce<TransferProgress | null>((state, event) => reduceTransferProgress(state, event), null);
}

describe('reduceTransferProgress', () => {
  it('follows a backup from started through progress to complete', () => {
    const state = play([
      { type: 'backup-started', backupId: 'b1', database: 'app@db/x', tablesTotal: 4, bytesEstimated: 1000 },
      { type: 'backup-progress', backupId: 'b1', tablesDone: 1, tablesTotal: 4, bytesWritten: 200, bytesEstimated: 1000, currentTable: 'public.notes' },
    ]);
    expect(state).toMatchObject({ status: 'running', tablesDone: 1, bytesWritten: 200, currentTable: 'public.notes' });
    expect(transferPercent(state!)).toBe(25);
    const done = reduceTransferProgress(state, { type: 'backup-finished', backupId: 'b1', status: 'complete', message: 'ok' });
    expect(done).toMatchObject({ status: 'complete', tablesDone: 4, currentTable: null });
  });

  it('keeps a cancelled backup visibly cancelled, never complete', () => {
    const state = play([
      { type: 'backup-started', backupId: 'b1', database: 'x', tablesTotal: 4, bytesEstimated: 1000 },
      { type: 'backup-progress', backupId: 'b1', tablesDone: 2, tablesTotal: 4, bytesWritten: 200, bytesEstimated: 1000, currentTable: 't' },
      { type: 'backup-finished', backupId: 'b1', status: 'cancelled', message: 'Cancelled' },
    ]);
    expect(state).toMatchObject({ status: 'cancelled', tablesDone: 2 });
    expect(transferPercent(state!)).toBe(50);
  });

  it('ignores events of another backup and unrelated events', () => {
    const started = play([{ type: 'backup-started', backupId: 'b1', database: 'x', tablesTotal: 2, bytesEstimated: 10 }]);
    const after = [
      { type: 'backup-progress', backupId: 'other', tablesDone: 2, tablesTotal: 2, bytesWritten: 9, bytesEstimated: 10, currentTable: null },
      { type: 'connections-changed' },
    ].reduce<TransferProgress | null>((s, e) => reduceTransferProgress(s, e as StudioEvent), started);
    expect(after).toEqual(started);
  });
});
