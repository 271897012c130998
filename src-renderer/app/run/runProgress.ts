import type { MigrationEvent, MigrationFailure, MigrationRunResponse, StudioErrorShape, StudioEvent } from '../../../src-main/contract';

export type MigrationProgress =
  | { status: 'queued'; direction: 'up' | 'down' }
  | { status: 'running'; direction: 'up' | 'down' }
  | { status: 'done'; direction: 'up' | 'down'; durationMs: number }
  | { status: 'failed'; direction: 'up' | 'down'; failure: MigrationFailure }
  /** It ran, but a later failure rolled the whole command back: it is not applied. */
  | { status: 'rolled-back'; direction: 'up' | 'down' };

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  at: number;
}

/** What the UI knows about the latest run or rehearsal, built from the event stream. */
export interface RunProgress {
  runId: string | null;
  rehearsal: boolean;
  active: boolean;
  byMigration: Record<string, MigrationProgress>;
  log: LogLine[];
  outcome: { success: boolean; message: string } | null;
}

export const idleProgress: RunProgress = { runId: null, rehearsal: false, active: false, byMigration: {}, log: [], outcome: null };

/** Keeps the panel bounded on a 5,000-migration run. */
const maxLogLines = 2_000;

const migrationEventTypes: ReadonlySet<string> = new Set<MigrationEvent['type']>(['run-started', 'migration-started', 'migration-finished', 'migration-failed', 'log', 'run-finished']);

/** Only a run's own events move the run panel: backup, restore and rollback-step events have their own screens. */
function isMigrationEvent(event: StudioEvent): event is MigrationEvent {
  return migrationEventTypes.has(event.type);
}

function withLog(state: RunProgress, line: LogLine): RunProgress {
  const log = state.log.length >= maxLogLines ? [...state.log.slice(-maxLogLines + 1), line] : [...state.log, line];
  return { ...state, log };
}

export function reduceRunProgress(state: RunProgress, event: StudioEvent, at: number = Date.now()): RunProgress {
  if (!isMigrationEvent(event)) return state;
  if (event.type === 'run-started') {
    const byMigration: Record<string, MigrationProgress> = {};
    for (const name of event.plan) byMigration[name] = { status: 'queued', direction: event.direction };
    const verb = event.rehearsal ? 'Rehearsing' : 'Running';
    return withLog(
      { runId: event.runId, rehearsal: event.rehearsal, active: true, byMigration, log: [], outcome: null },
      { level: 'info', message: `${verb} ${event.direction}: ${event.plan.length} migration(s)`, at },
    );
  }
  // Events of an older run (or another client's run that we did not see start) update nothing.
  if (event.runId !== state.runId) return state;
  switch (event.type) {
    case 'migration-started':
      return { ...state, byMigration: { ...state.byMigration, [event.name]: { status: 'running', direction: event.direction } } };
    case 'migration-finished':
      return {
        ...state,
        byMigration: { ...state.byMigration, [event.name]: { status: 'done', direction: event.direction, durationMs: event.durationMs } },
      };
    case 'migration-failed':
      return withLog(
        { ...state, byMigration: { ...state.byMigration, [event.name]: { status: 'failed', direction: event.direction, failure: event.failure } } },
        { level: 'error', message: `${event.name}: ${event.failure.message}`, at },
      );
    case 'log':
      return withLog(state, { level: event.level, message: event.message, at });
    case 'run-finished':
      return withLog(
        { ...state, active: false, outcome: { success: event.success, message: event.message } },
        { level: event.success ? 'info' : 'error', message: event.message, at },
      );
  }
}

/**
 * After the call returns, the response is the truth: the failing migration is marked (even if its
 * event was missed), migrations the engine reports as rolled back with the command say so, and
 * migrations that never started lose their "queued" mark.
 */
export function applyRunResponse(state: RunProgress, direction: 'up' | 'down', response: Pick<MigrationRunResponse, 'results' | 'failure'>): RunProgress {
  const byMigration: Record<string, MigrationProgress> = {};
  for (const [name, progress] of Object.entries(state.byMigration)) if (progress.status !== 'queued') byMigration[name] = progress;
  for (const result of response.results) {
    if (result.rolledBack) byMigration[result.name] = { status: 'rolled-back', direction: result.direction };
  }
  const failing = response.failure?.migration;
  if (failing && response.failure) byMigration[failing] = { status: 'failed', direction, failure: response.failure };
  return { ...state, active: false, byMigration };
}

/** A refusal in words: what happened, then what to do about it. */
export function describeError(error: StudioErrorShape): string {
  return error.hint ? `${error.message} What to do: ${error.hint}` : error.message;
}

/** A run the engine refused before anything ran (plan changed, lock held, unreachable): the log keeps the reason. */
export function applyRefusal(state: RunProgress, message: string, at: number = Date.now()): RunProgress {
  return withLog({ ...state, active: false, outcome: { success: false, message } }, { level: 'error', message, at });
}
