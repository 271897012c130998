import { StudioError, type ChannelName, type Handlers, type MigrationEvent, type MigrationRunResult, type MigrationStatus, type ProjectSettings, type RunTimeouts } from '../contract';
import {
  createMigration, findLockHolder, getStatus, planRun, redoMigrations, rehearse, runMigrations,
  signalBlockingSession, type RunOptions,
} from '../core/migrations';
import type { AppliedSourceStore } from '../core/authoring';
import { poolKey, sharedInFlight, type DatabaseTarget } from '../core/database';
import type { EventBus } from './eventBus';
import type { RunGuard } from './runGuard';

export interface MigrationsDeps {
  project(): Promise<ProjectSettings>;
  target(connectionId?: string): Promise<DatabaseTarget>;
  /** The target of a run that changes the database, refused on production without `confirm` (productionGuard.ts). */
  targetToChange(connectionId: string | undefined, confirm: string | undefined): Promise<DatabaseTarget>;
  events: EventBus;
  runs: RunGuard;
  /** Records what runs applied, so status flags a file edited since (authoring). */
  appliedSources?: AppliedSourceStore;
  /** lock_timeout / statement_timeout of a connection (its profile, production defaults), before a run's own override. */
  runTimeouts?(connectionId: string | undefined): Promise<RunTimeouts>;
}

/** The run in progress as the live view knows it: its database and backend, for signalling a blocker. */
type LiveRun = { runId: string; target: DatabaseTarget; backendPid: number | null };

// migrations/source and migrations/save belong to the editor (handlers/authoring.ts); migrations/stake to the rollback handlers (handlers/backups.ts).
type MigrationChannel = Exclude<Extract<ChannelName, `migrations/${string}`>, 'migrations/source' | 'migrations/save' | 'migrations/stake'>;

/** The database and the project settings a call works on, read together. */
const targetAndProject = (deps: MigrationsDeps, connectionId?: string) => Promise.all([deps.target(connectionId), deps.project()]);

/**
 * Run `work` as one exclusive run whose events go to every subscriber. If the engine ends without a
 * `run-finished` (it threw after starting), close the run for the subscribers so no UI waits forever.
 */
function streamedRun<T extends { success: boolean; message: string }>(
  deps: MigrationsDeps,
  work: (target: DatabaseTarget, project: ProjectSettings, options: RunOptions) => Promise<T>,
  resolveTarget: () => Promise<DatabaseTarget>,
  timeouts: (() => Promise<RunTimeouts>) | null = null,
  live: { current: LiveRun | null } = { current: null },
): Promise<T> {
  return deps.runs.exclusive(async (runId, signal) => {
    let started = false;
    let finished = false;
    const onEvent = (event: MigrationEvent) => {
      if (event.type === 'run-started') started = true;
      if (event.type === 'run-finished') finished = true;
      if (event.type === 'run-activity' && live.current?.runId === runId) live.current.backendPid = event.backendPid;
      deps.events.emit({ ...event, runId });
    };
    try {
      const [target, project, runTimeouts] = await Promise.all([resolveTarget(), deps.project(), timeouts ? timeouts() : undefined]);
      live.current = { runId, target, backendPid: null };
      const result = await work(target, project, { runId, onEvent, signal, ...(runTimeouts ? { timeouts: runTimeouts } : {}) });
      if ('results' in result) await recordApplied(deps, target, project, result.results as MigrationRunResult[]);
      if (started && !finished) onEvent({ type: 'run-finished', runId, success: result.success, message: result.message });
      return result;
    } catch (error) {
      if (started && !finished) onEvent({ type: 'run-finished', runId, success: false, message: 'The run stopped with an error.' });
      throw error;
    } finally {
      if (live.current?.runId === runId) live.current = null;
    }
  });
}

/** Remember what a command applied; a failure to record never turns a finished run into an error. */
async function recordApplied(deps: MigrationsDeps, target: DatabaseTarget, project: ProjectSettings, results: MigrationRunResult[]): Promise<void> {
  await deps.appliedSources?.recordRun(target, project, results).catch(() => undefined);
}

/** Status with the edited-after-apply flags; without them (never an error) when the records cannot be read. */
async function statusWithEdits(deps: MigrationsDeps, target: DatabaseTarget, project: ProjectSettings): Promise<MigrationStatus> {
  const status = await getStatus(target, project);
  return deps.appliedSources === undefined ? status : deps.appliedSources.markEdited(target, project, status).catch(() => status);
}

/** The connection's timeouts with the call's own override on top (an empty string would be refused by the schema). */
const runTimeoutsFor = (deps: MigrationsDeps, connectionId: string | undefined, override: RunTimeouts | undefined) => async (): Promise<RunTimeouts> => ({
  ...(await deps.runTimeouts?.(connectionId)),
  ...override,
});

/** A call's `checkOrder: false` overrides the project's check-order for that call only. */
const orderChecked = (project: ProjectSettings, checkOrder: boolean | undefined): ProjectSettings =>
  checkOrder === false ? { ...project, checkOrder: false } : project;

/** migrations/* bound to the engine: one line of wiring per channel. */
export function migrationsHandlers(deps: MigrationsDeps): Pick<Handlers, MigrationChannel> {
  // A burst of status requests (every window, the seed API's pollers) for one database and project makes one read.
  const statusReads = sharedInFlight<MigrationStatus>();
  const live: { current: LiveRun | null } = { current: null };
  return {
    'migrations/status': async ({ connectionId }) => {
      const [target, project] = await targetAndProject(deps, connectionId);
      return statusReads(`${poolKey(target)} ${JSON.stringify(project)}`, () => statusWithEdits(deps, target, project));
    },
    'migrations/plan': async ({ connectionId, selection, checkOrder }) => {
      const [target, project] = await targetAndProject(deps, connectionId);
      return planRun(target, orderChecked(project, checkOrder), selection);
    },
    'migrations/lock': async ({ connectionId }) => findLockHolder(...(await targetAndProject(deps, connectionId))),
    'migrations/create': async (input) => createMigration(await deps.project(), input),
    'migrations/run': ({ connectionId, selection, expectedPlan, confirm, checkOrder, timeouts }) =>
      streamedRun(deps, (target, project, options) => runMigrations(target, orderChecked(project, checkOrder), selection, { ...options, expectedPlan }), () => deps.targetToChange(connectionId, confirm), runTimeoutsFor(deps, connectionId, timeouts), live),
    'migrations/redo': ({ connectionId, count, confirm, timeouts }) =>
      streamedRun(deps, (target, project, options) => redoMigrations(target, project, count ?? 1, options), () => deps.targetToChange(connectionId, confirm), runTimeoutsFor(deps, connectionId, timeouts), live),
    // A rehearsal is rolled back: read-only, so no production confirmation.
    'migrations/rehearse': ({ connectionId, selection, checkOrder, timeouts }) =>
      streamedRun(deps, (target, project, options) => rehearse(target, orderChecked(project, checkOrder), selection, options), () => deps.target(connectionId), runTimeoutsFor(deps, connectionId, timeouts), live),
    'migrations/cancel': ({ runId }) => deps.runs.cancel(runId),
    'migrations/signal-blocker': async ({ runId, pid, action }) => {
      const run = live.current;
      if (!run || (runId !== undefined && runId !== run.runId) || run.backendPid === null) {
        throw new StudioError('invalid-input', `No run in progress${runId ? ` with id ${runId}` : ''} is waiting on session ${pid}: nothing was signalled.`, {
          hint: 'Blocking sessions can be signalled only while the run they block is in progress.',
        });
      }
      const signalled = await signalBlockingSession(run.target, run.backendPid, pid, action);
      const verb = action === 'cancel' ? 'cancel its running statement' : 'terminate the session';
      return {
        pid,
        action,
        signalled,
        message: signalled ? `Asked PostgreSQL to ${verb} of pid ${pid}.` : `PostgreSQL did not signal pid ${pid} (it may have just ended).`,
      };
    },
  };
}
