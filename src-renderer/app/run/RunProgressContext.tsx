import { createContext, useContext, useEffect, useReducer, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MigrationRunResponse, StudioEvent } from '../../../src-main/contract';
import { studio } from '../../lib/studio';
import { queryKeys } from '../../lib/queries';
import { applyRefusal, applyRunResponse, idleProgress, reduceRunProgress, type RunProgress } from './runProgress';

type RunOutcome = Pick<MigrationRunResponse, 'results' | 'failure'>;
type Action =
  | { kind: 'event'; event: StudioEvent }
  | { kind: 'outcome'; direction: 'up' | 'down'; outcome: RunOutcome }
  | { kind: 'refusal'; message: string }
  | { kind: 'reset' };

function reducer(state: RunProgress, action: Action): RunProgress {
  switch (action.kind) {
    case 'reset':
      return state.active ? state : idleProgress;
    case 'event':
      return reduceRunProgress(state, action.event);
    case 'outcome':
      return applyRunResponse(state, action.direction, action.outcome);
    case 'refusal':
      return applyRefusal(state, action.message);
  }
}

interface RunProgressValue {
  progress: RunProgress;
  recordOutcome(direction: 'up' | 'down', outcome: RunOutcome): void;
  /** A run refused before it started: its reason and hint go to the run log. */
  recordRefusal(message: string): void;
  /** Forget the last run's marks (another connection's rows must not wear them); a run in flight is kept. */
  reset(): void;
  /** The shell's run panel (progress and log), open or folded; every section shares it. */
  panelOpen: boolean;
  setPanelOpen(open: boolean | ((open: boolean) => boolean)): void;
}

const RunProgressContext = createContext<RunProgressValue | null>(null);

/** Subscribes once to the door's event stream and keeps the latest run's per-migration progress and log. */
export function RunProgressProvider({ children }: { children: ReactNode }) {
  const [progress, dispatch] = useReducer(reducer, idleProgress);
  const [panelOpen, setPanelOpen] = useState(false);
  const queryClient = useQueryClient();

  useEffect(() => {
    const controller = new AbortController();
    const unsubscribe = studio.subscribe((event) => {
      if (event.type === 'connections-changed') void queryClient.invalidateQueries({ queryKey: queryKeys.connections });
      // Another project: its settings, its connections and its timeline all change.
      if (event.type === 'project-changed') void queryClient.invalidateQueries();
      // A run started elsewhere (another window, the seed API, the CLI through serve) changes our timeline too.
      if (event.type === 'run-finished') void queryClient.invalidateQueries({ queryKey: queryKeys.migrations });
      dispatch({ kind: 'event', event });
    }, controller.signal);
    // Both: in Electron the signal cannot cross the contextBridge, only the returned function works.
    return () => {
      controller.abort();
      unsubscribe();
    };
  }, [queryClient]);

  const value: RunProgressValue = {
    progress,
    recordOutcome: (direction, outcome) => dispatch({ kind: 'outcome', direction, outcome }),
    recordRefusal: (message) => dispatch({ kind: 'refusal', message }),
    reset: () => dispatch({ kind: 'reset' }),
    panelOpen,
    setPanelOpen,
  };
  return <RunProgressContext.Provider value={value}>{children}</RunProgressContext.Provider>;
}

export function useRunProgress(): RunProgressValue {
  const value = useContext(RunProgressContext);
  if (!value) throw new Error('useRunProgress needs a RunProgressProvider');
  return value;
}
