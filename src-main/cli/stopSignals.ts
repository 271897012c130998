// Ctrl-C (SIGINT) and SIGTERM while a command that talks to a database is running: interrupt the
// run through the engine's signal path, let it roll back and report, then exit 130 (see main.ts).
import { exitCodes } from './cliErrors';
import type { Terminal } from './terminal';

const stopSignals = ['SIGINT', 'SIGTERM'] as const;

export interface StopSignalOptions {
  terminal: Terminal;
  /** Interrupts the run in progress; resolves when it has ended, false when none was running. */
  interruptRun(): Promise<boolean>;
  /** The command's result is out (a run that ended just before the signal is reported, not cut). */
  isDone(): boolean;
  /** How long a rollback may take before we exit anyway. */
  rollbackDeadlineMs?: number;
  exit?: (code: number) => never;
}

/** Installs the handlers; returns their removal. Until then a signal never kills the process mid-rollback. */
export function interruptOnStopSignals({ terminal, interruptRun, isDone, rollbackDeadlineMs = 60_000, exit = process.exit }: StopSignalOptions): () => void {
  const note = (line: string) => terminal.err(terminal.errStyle.dim(line));
  const exitNow = async (code: number) => {
    // Bounded: a reader that stopped reading must not keep an interrupted process alive.
    await Promise.race([terminal.flush(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    exit(code);
  };
  let interruptedAt: number | null = null;
  let deadline: NodeJS.Timeout | undefined;

  const onSignal = (signal: NodeJS.Signals) => {
    if (interruptedAt !== null) {
      const left = Math.max(0, Math.ceil((interruptedAt + rollbackDeadlineMs - Date.now()) / 1000));
      note(`${signal}: still rolling back the interrupted command; exiting as soon as it is done (at most ${left} s more).`);
      return;
    }
    interruptedAt = Date.now();
    note(`${signal}: interrupting: cancelling the running statement and rolling back…`);
    deadline = setTimeout(() => {
      terminal.errorWithHint(
        `the rollback did not finish within ${Math.round(rollbackDeadlineMs / 1000)} s: exiting anyway.`,
        'PostgreSQL rolls the open transaction back when this connection closes. Run `pgm-studio status` to see the state before running again.',
      );
      void exitNow(exitCodes.interrupted);
    }, rollbackDeadlineMs).unref();
    void interruptRun().then(async (wasRunning) => {
      if (wasRunning) return; // the run's own result says "interrupted" and sets exit code 130
      // A run that ended just before the signal is printing its result: let it.
      await new Promise((resolve) => setImmediate(resolve));
      if (isDone()) return;
      terminal.errorWithHint('interrupted: no migration had started, the database is unchanged.', 'Run the command again when you are ready.');
      await exitNow(exitCodes.interrupted);
    });
  };

  for (const signal of stopSignals) process.on(signal, onSignal);
  return () => {
    for (const signal of stopSignals) process.off(signal, onSignal);
    clearTimeout(deadline);
  };
}
