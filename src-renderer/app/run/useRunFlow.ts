import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { MigrationRunResponse, MigrationStatus, RehearsalResult, RunPlan, RunSelection, RunTimeouts, StudioErrorShape } from '../../../src-main/contract';
import type { DownSafety } from '../../features/rollback/DownSafetyPanel';
import { studio } from '../../lib/studio';
import { connectionTarget, queryKeys } from '../../lib/queries';
import { runDownSafely } from './runDownSafely';
import { toStudioError } from '../../lib/studioError';
import { useRunProgress } from './RunProgressContext';
import { describeError } from './runProgress';

export interface RunRequest {
  mode: 'run' | 'rehearse';
  selection: RunSelection;
  /** What the operator clicked, for titles: "Roll back to 1734..._initial". */
  label: string;
  /** The operator chose to run with node-pg-migrate's check-order off, for this run only. */
  checkOrderOff?: boolean;
}

/** The run input a request adds to its target: its selection, and check-order off when the operator chose it. */
function requestInput(request: RunRequest) {
  return { selection: request.selection, ...(request.checkOrderOff ? { checkOrder: false } : {}) };
}

export interface PendingConfirmation {
  request: RunRequest;
  plan: RunPlan;
}

export interface RehearsalView {
  request: RunRequest;
  result: RehearsalResult | null;
  error: StudioErrorShape | null;
}

/**
 * Every run goes plan -> confirmation -> run; a rehearsal goes straight to its drawer.
 * Afterwards the timeline and the lock state are refetched from the database.
 */
export function useRunFlow(connectionId: string | null) {
  const queryClient = useQueryClient();
  const { recordOutcome, recordRefusal } = useRunProgress();
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const [rehearsal, setRehearsal] = useState<RehearsalView | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.migrations });

  const planMutation = useMutation({
    mutationFn: (request: RunRequest) => studio.migrations.plan({ ...connectionTarget(connectionId), ...requestInput(request) }),
    onSuccess: (plan, request) => {
      if (plan.migrations.length === 0) {
        notifications.show({ color: 'gray', title: 'Nothing to do', message: `${request.label}: no migration would ${plan.direction === 'up' ? 'run' : 'be reverted'}.` });
        return;
      }
      setConfirmation({ request, plan });
    },
  });

  const runMutation = useMutation({
    mutationFn: ({ request, plan, confirm, timeouts, safety }: PendingConfirmation & { confirm?: string; timeouts?: RunTimeouts; safety?: DownSafety }) => {
      // A down with "back up first" (or its deliberate skip) goes through the guided rollback's engine.
      if (safety && (safety.backupFirst || safety.skip.phrase)) {
        const status = queryClient.getQueryData<MigrationStatus>(queryKeys.status(connectionId));
        return runDownSafely({ connectionId, request, plan, confirm, timeouts, safety, applied: status?.appliedMigrations ?? [] });
      }
      // The confirmed list goes along: the engine refuses to run anything else ('plan-changed'); so does
      // the typed database name, which the engine requires on production ('confirmation-required').
      return studio.migrations.run({ ...connectionTarget(connectionId), ...requestInput(request), expectedPlan: plan.migrations, ...(confirm ? { confirm } : {}), ...(timeouts ? { timeouts } : {}) });
    },
    onSuccess: (response: MigrationRunResponse, { request }) => {
      recordOutcome(request.selection.direction, response);
      if (response.success) {
        const count = response.results.length;
        const what = `${count} migration${count === 1 ? '' : 's'} ${request.selection.direction === 'up' ? 'applied' : 'reverted'}`;
        notifications.show({ color: 'teal', title: what, message: response.results.map((r) => r.name).join(', ') || response.message });
        return;
      }
      const failed = response.failure?.migration;
      const title = response.failure?.interrupted ? 'The run was cancelled' : failed ? `${failed} failed` : 'The run failed';
      notifications.show({ color: response.failure?.interrupted ? 'gray' : 'red', title, message: response.message, autoClose: 15_000, withBorder: true });
    },
    // A failed migration comes back in the response; a thrown error (lock held, plan changed, connection
    // lost) applied nothing, so the rows only drop their queued marks. The query client notifies its
    // message and hint; the run log keeps them after the notification is gone.
    onError: (error, { request }) => {
      recordOutcome(request.selection.direction, { results: [] });
      recordRefusal(`${request.label}: ${describeError(toStudioError(error))}`);
    },
    onSettled: refresh,
  });

  const rehearseMutation = useMutation({
    mutationFn: (request: RunRequest) => studio.migrations.rehearse({ ...connectionTarget(connectionId), ...requestInput(request) }),
    meta: { inlineErrors: true },
    // The response settles the rows too, in case the stream missed the rehearsal's last events.
    onSuccess: (result, request) => {
      recordOutcome(request.selection.direction, { results: [], failure: result.failure });
      setRehearsal({ request, result, error: null });
    },
    onError: (error, request) => {
      recordOutcome(request.selection.direction, { results: [] });
      setRehearsal({ request, result: null, error: toStudioError(error) });
    },
    onSettled: refresh,
  });

  function request(next: RunRequest) {
    if (next.mode === 'rehearse') {
      setRehearsal({ request: next, result: null, error: null });
      rehearseMutation.mutate(next);
    } else {
      planMutation.mutate(next);
    }
  }

  /** `databaseName`: what the operator typed in the production guard; `timeouts`: changed for this run only; `safety`: a down's backup choice. */
  function confirm(databaseName?: string, timeouts?: RunTimeouts, safety?: DownSafety) {
    if (!confirmation) return;
    setConfirmation(null);
    runMutation.mutate({ ...confirmation, confirm: databaseName, timeouts, safety });
  }

  return {
    request,
    confirmation,
    confirm,
    cancel: () => setConfirmation(null),
    rehearsal,
    rehearsing: rehearseMutation.isPending,
    closeRehearsal: () => setRehearsal(null),
    /** While planning or running, every run action is disabled: one run at a time from this window. */
    busy: planMutation.isPending || runMutation.isPending,
    running: runMutation.isPending,
  };
}
