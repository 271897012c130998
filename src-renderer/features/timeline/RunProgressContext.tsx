import { createContext, useContext, useEffect, useReducer, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MigrationRunResponse, StudioEvent } from '../../../src-main/contract';
import { studio } from '../../lib/studio';
import { queryKeys } from '../../lib/queries';
import { applyRunResponse, idleProgress, reduceRunProgress, type RunProgress } from './runProgress';

type RunOutcome = Pick<MigrationRunResponse, 'results' | 'failure'>;
type Action = { kind: 'event'; event: StudioEvent } | { kind: 'outcome'; direction: 'up' | 'down'; outcome: RunOutcome } | { kind: 'reset' };

function reducer(state: RunProgress, action: Action): RunProgress {
  if (action.kind === 'reset') return state.active ? state : idleProgress;
  return action.kind === 'event' ? reduceRunProgress(state, action.event) : applyRunResponse(state, action.direction, action.outcome);
}

interface RunProgressValue {
  progress: RunProgress;
  recordOutcome(direction: 'up' | 'down', outcome: RunOutcome): void;
  /** Forget the last run's marks (another connection's rows must not wear them); a run in flight is kept. */
  reset(): void;
}

const RunProgressContext = createContext<RunProgressValue | null>(null);

/** Subscribes once to the door's event stream and keeps the latest run's per-migration progress and log. */
export function RunProgressProvider({ children }: { children: ReactNode }) {
  const [progress, dispatch] = useReducer(reducer, idleProgress);
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
    reset: () => dispatch({ kind: 'reset' }),
  };
  return <RunProgressContext.Provider value={value}>{children}</RunProgressContext.Provider>;
}

export function useRunProgress(): RunProgressValue {
  const value = useContext(RunProgressContext);
  if (!value) throw new Error('useRunProgress needs a RunProgressProvider');
  return value;
}
