import { describe, expect, it, vi } from 'vitest';
import { interruptOnStopSignals } from './stopSignals';
import { Terminal } from './terminal';

function capture() {
  const lines: string[] = [];
  const stream = { write: (text: string, done?: () => void) => (lines.push(text), done?.(), true) };
  return { terminal: new Terminal(stream, stream), text: () => lines.join('') };
}

describe('interruptOnStopSignals', () => {
  it('first signal interrupts the run; a second one says it is still rolling back and does not exit', async () => {
    const { terminal, text } = capture();
    let finishRollback = (_: boolean) => undefined as void;
    const interruptRun = vi.fn(() => new Promise<boolean>((resolve) => (finishRollback = resolve)));
    const exit = vi.fn() as unknown as (code: number) => never;
    const remove = interruptOnStopSignals({ terminal, interruptRun, isDone: () => false, exit });
    try {
      process.emit('SIGINT', 'SIGINT');
      process.emit('SIGINT', 'SIGINT');
      expect(interruptRun).toHaveBeenCalledTimes(1);
      expect(text()).toMatch(/SIGINT: interrupting: cancelling the running statement and rolling back/);
      expect(text()).toMatch(/SIGINT: still rolling back the interrupted command; exiting as soon as it is done \(at most 60 s more\)/);
      finishRollback(true);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(exit).not.toHaveBeenCalled(); // the run's own result sets the exit code
    } finally {
      remove();
    }
  });

  it('exits 130 after a bounded wait when the rollback never ends, saying so', async () => {
    const { terminal, text } = capture();
    const exit = vi.fn() as unknown as (code: number) => never;
    const remove = interruptOnStopSignals({ terminal, interruptRun: () => new Promise(() => undefined), isDone: () => false, exit, rollbackDeadlineMs: 50 });
    try {
      process.emit('SIGTERM', 'SIGTERM');
      await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(130));
      expect(text()).toMatch(/error: the rollback did not finish within 0 s: exiting anyway/);
      expect(text()).toMatch(/hint: PostgreSQL rolls the open transaction back when this connection closes/);
    } finally {
      remove();
    }
  });

  it('with no run in progress, exits 130 at once saying nothing was changed', async () => {
    const { terminal, text } = capture();
    const exit = vi.fn() as unknown as (code: number) => never;
    const remove = interruptOnStopSignals({ terminal, interruptRun: async () => false, isDone: () => false, exit });
    try {
      process.emit('SIGINT', 'SIGINT');
      await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(130));
      expect(text()).toMatch(/error: interrupted: no migration had started, the database is unchanged/);
    } finally {
      remove();
    }
  });
});
