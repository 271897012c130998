import { describe, expect, it } from 'vitest';
import type { MigrationEvent } from '../../contract';
import { Terminal } from '../terminal';
import { createRunProgress } from './runProgress';

function capture(isTTY: boolean) {
  let stderr = '';
  const terminal = new Terminal({ write: () => true }, { write: (text: string) => (stderr += text), isTTY });
  return { progress: createRunProgress(terminal, { verbose: false }), stderr: () => stderr };
}

const runId = 'r1';
const events = (rolledBack?: { name: string; direction: 'up' | 'down' }[]): MigrationEvent[] => [
  { type: 'run-started', runId, direction: 'up', plan: ['1_a', '2_b'], rehearsal: false },
  { type: 'migration-started', runId, name: '1_a', direction: 'up' },
  { type: 'migration-finished', runId, name: '1_a', direction: 'up', durationMs: 5 },
  { type: 'migration-started', runId, name: '2_b', direction: 'up' },
  { type: 'migration-finished', runId, name: '2_b', direction: 'up', durationMs: 7 },
  { type: 'run-finished', runId, success: !rolledBack, message: 'done', ...(rolledBack ? { rolledBack } : {}) },
];

describe('run progress', () => {
  it.each([false, true])('marks the ✓ lines of a command that was then rolled back (TTY: %s)', (isTTY) => {
    const { progress, stderr } = capture(isTTY);
    for (const event of events([{ name: '1_a', direction: 'up' }, { name: '2_b', direction: 'up' }])) progress(event);
    const lines = stderr().split('\n');
    expect(lines).toContain('Rolled back: these migrations ran but did not stay applied');
    expect(lines).toContain('  ↺ 1_a up, rolled back');
    expect(lines).toContain('  ↺ 2_b up, rolled back');
    // The rolled-back lines come after the ✓ lines they correct.
    expect(stderr().indexOf('↺ 1_a')).toBeGreaterThan(stderr().lastIndexOf('✓ 2_b'));
  });

  it('says nothing more when the run succeeded', () => {
    const { progress, stderr } = capture(false);
    for (const event of events()) progress(event);
    expect(stderr()).not.toMatch(/rolled back/i);
    expect(stderr()).toContain('✓ 2_b up, finished in 7 ms');
  });
});
