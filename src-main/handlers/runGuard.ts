import { randomUUID } from 'node:crypto';
import { StudioError } from '../contract';

/**
 * One migration run (or rehearsal) at a time in this process. The engine's advisory lock protects the
 * database across processes; this refuses a second click before it even opens a connection.
 */
export function createRunGuard() {
  let activeRunId: string | null = null;
  return {
    get activeRunId() {
      return activeRunId;
    },
    async exclusive<T>(work: (runId: string) => Promise<T>): Promise<T> {
      if (activeRunId) {
        throw new StudioError('lock-held', `A migration run is already in progress in this PGM Studio (run ${activeRunId}).`, {
          hint: 'Wait for the current run to finish (watch its progress), then try again.',
          detail: { runId: activeRunId },
        });
      }
      const runId = randomUUID();
      activeRunId = runId;
      try {
        return await work(runId);
      } finally {
        activeRunId = null;
      }
    },
  };
}
export type RunGuard = ReturnType<typeof createRunGuard>;
