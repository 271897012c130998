import { describe, expect, it } from 'vitest';
import type { MigrationEntry, MigrationStatus } from '../../../src-main/contract';
import { runBlocker } from './runBlocker';

const entry = (name: string, state: MigrationEntry['state']): MigrationEntry => ({ name, timestamp: Number(name.split('_')[0]), file: state === 'missing-file' ? null : `${name}.js`, state, runOn: null, hasDown: true });
const status = (...migrations: MigrationEntry[]): MigrationStatus => ({
  appliedMigrations: migrations.filter((m) => m.state === 'applied' || m.state === 'missing-file').map((m) => m.name),
  pendingMigrations: migrations.filter((m) => m.state === 'pending' || m.state === 'out-of-order').map((m) => m.name),
  lastMigration: null,
  isUpToDate: false,
  migrations,
});

describe('runBlocker', () => {
  const clean = status(entry('1_a', 'applied'), entry('2_b', 'pending'));
  const early = status(entry('1_a', 'out-of-order'), entry('2_b', 'applied'));

  it('the lock held by the run in progress itself is not another session', () => {
    const lock = { pid: 4242, applicationName: 'pgm-studio', clientAddress: '127.0.0.1', since: null };
    expect(runBlocker({ status: clean, lock, checkOrder: true, ownRunPid: 4242 })).toBeNull();
    expect(runBlocker({ status: clean, lock, checkOrder: true, ownRunPid: 99 })).toMatchObject({ kind: 'lock' });
  });

  it('blocks nothing on a clean timeline with a free lock', () => {
    expect(runBlocker({ status: clean, lock: null, checkOrder: true })).toBeNull();
  });

  it('names the session holding the lock, before anything else', () => {
    const lock = { pid: 42, applicationName: 'nightly-deploy', clientAddress: '10.0.0.5', since: '2026-11-27T11:57:00Z' };
    const blocked = runBlocker({ status: early, lock, checkOrder: true, now: Date.parse('2026-11-27T12:00:00Z') });
    expect(blocked).toEqual({ kind: 'lock', reason: expect.stringContaining('nightly-deploy, 10.0.0.5, pid 42) since 3 min. ago') });
  });

  it('says which row check-order would refuse, and only while check-order is on', () => {
    expect(runBlocker({ status: early, lock: null, checkOrder: true })).toEqual({ kind: 'check-order', reason: expect.stringContaining('1_a is pending but sorts before 2_b, which is already applied') });
    expect(runBlocker({ status: early, lock: null, checkOrder: false })).toBeNull();
    const missing = status(entry('1_a', 'missing-file'), entry('2_b', 'pending'));
    expect(runBlocker({ status: missing, lock: null, checkOrder: true })?.reason).toContain('1_a is applied but its file is missing');
  });

  it('still refuses after a run with check-order off applied a file out of its order', () => {
    const appliedLate = { ...status(entry('1_a', 'applied'), entry('2_b', 'applied')), appliedMigrations: ['2_b', '1_a'] };
    expect(runBlocker({ status: appliedLate, lock: null, checkOrder: true })?.reason).toContain('1_a was applied after 2_b although it sorts before it');
  });
});
