import { createContext, useContext, type ReactNode } from 'react';
import type { RunTimeouts } from '../../../src-main/contract';
import type { DownSafety } from '../../features/rollback/DownSafetyPanel';
import { useAppInfo, useCurrentConnection, useLockState, useMigrationStatus } from '../../lib/queries';
import { ConfirmRunModal } from './ConfirmRunModal';
import { RehearsalDrawer } from './RehearsalDrawer';
import { runBlocker, type RunBlocker } from './runBlocker';
import { useRunProgress } from './RunProgressContext';
import { useRunFlow, type RunRequest } from './useRunFlow';

export interface RunActions {
  /** Plan then confirm (a run), or straight to the rehearsal drawer. */
  request(request: RunRequest): void;
  /** Planning or running from this window, or any run streaming in: nothing else may start. */
  busy: boolean;
  /** Why no run can succeed right now (lock held, check-order), before anything is clicked. */
  blocker: RunBlocker | null;
}

const RunFlowContext = createContext<RunActions | null>(null);

/**
 * The shell's run flow: every section (and the command palette) asks for runs here, and the one
 * confirmation dialog and rehearsal drawer live here, whichever screen is showing.
 */
export function RunFlowProvider({ children }: { children: ReactNode }) {
  const connections = useCurrentConnection();
  const ready = connections.isSuccess;
  const status = useMigrationStatus(connections.currentId, ready);
  const lock = useLockState(connections.currentId, ready);
  const info = useAppInfo();
  const { progress, setPanelOpen } = useRunProgress();
  const flow = useRunFlow(connections.currentId);

  const ownRunPid = progress.active ? (progress.activity?.backendPid ?? progress.backendPid) : null;
  const blocker = runBlocker({ status: status.data, lock: lock.data, checkOrder: info.data?.project.settings.checkOrder ?? true, ownRunPid });
  const value: RunActions = { request: flow.request, busy: flow.busy || progress.active, blocker };
  // The typed database name goes along: the engine requires it on production ('confirmation-required').
  const onConfirm = (databaseName?: string, timeouts?: RunTimeouts, safety?: DownSafety) => {
    setPanelOpen(true);
    flow.confirm(databaseName, timeouts, safety);
  };

  return (
    <RunFlowContext.Provider value={value}>
      {children}
      <ConfirmRunModal confirmation={flow.confirmation} connection={connections.current} onConfirm={onConfirm} onCancel={flow.cancel} />
      <RehearsalDrawer view={flow.rehearsal} loading={flow.rehearsing} onClose={flow.closeRehearsal} />
    </RunFlowContext.Provider>
  );
}

export function useRunActions(): RunActions {
  const value = useContext(RunFlowContext);
  if (!value) throw new Error('useRunActions needs a RunFlowProvider');
  return value;
}
