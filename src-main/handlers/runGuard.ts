import { randomUUID } from 'node:crypto';
import { StudioError, type CancelRunResult } from '../contract';
import { cancelReason } from '../core/migrations/runInterrupt';

/**
 * One migration run (or rehearsal) at a time in this process. The engine's advisory lock protects the
 * database across processes; this refuses a second click before it even opens a connection. Each run
 * gets an AbortSignal: `interrupt()` (Ctrl-C, a server stopping, a Cancel button) aborts the run in progress.
 */
export function createRunGuard() {
  let active: { runId: string; controller: AbortController; settled: Promise<unknown> } | null = null;
  return {
    get activeRunId() {
      return active?.runId ?? null;
    },
    async exclusive<T>(work: (runId: string, signal: AbortSignal) => Promise<T>): Promise<T> {
      if (active) {
        throw new StudioError('lock-held', `A migration run is already in progress in this PGM Studio (run ${active.runId}).`, {
          hint: 'Wait for the current run to finish (watch its progress), then try again.',
          detail: { runId: active.runId },
        });
      }
      const runId = randomUUID();
      const controller = new AbortController();
      const running = work(runId, controller.signal);
      const current = { runId, controller, settled: running.then((value): unknown => value, (error: unknown) => error) };
      active = current;
      try {
        return await running;
      } finally {
        if (active === current) active = null;
      }
    },
    /**
     * The operator's Cancel (migrations/cancel): aborts the run `runId` (default: the one in progress),
     * waits for its rollback and answers with what the run itself reported.
     */
    async cancel(runId?: string): Promise<CancelRunResult> {
      const current = active;
      if (!current || (runId !== undefined && runId !== current.runId)) {
        return { cancelled: false, message: runId ? `Run ${runId} is not in progress: it has already finished.` : 'No run is in progress.' };
      }
      current.controller.abort(cancelReason);
      const ended = await current.settled;
      const message = ended && typeof ended === 'object' && 'message' in ended && typeof ended.message === 'string' ? ended.message : 'The run ended.';
      return { cancelled: true, message };
    },
    /** Aborts the run in progress; resolves once it has ended (rolled back). False when none was running. */
    async interrupt(): Promise<boolean> {
      const current = active;
      if (!current) return false;
      current.controller.abort();
      await current.settled;
      return true;
    },
  };
}
export type RunGuard = ReturnType<typeof createRunGuard>;
