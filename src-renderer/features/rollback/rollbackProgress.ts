import type { RollbackStep, RollbackStepState, StudioEvent } from '../../../src-main/contract';

export interface RollbackStepView {
  step: RollbackStep;
  state: RollbackStepState;
  message: string;
  durationMs: number | null;
}

/** A guided rollback as its events tell it: each engine step with its state, and how it ended. */
export interface RollbackProgress {
  rollbackId: string;
  steps: RollbackStepView[];
  finished: { success: boolean; message: string } | null;
}

/**
 * `waiting`: the wizard has just asked for the run and takes the next rollback that starts; events of
 * any other rollback are ignored.
 */
export function reduceRollbackProgress(state: RollbackProgress | null, event: StudioEvent, waiting: boolean): RollbackProgress | null {
  if (event.type === 'rollback-started') {
    if (!waiting || state) return state;
    return { rollbackId: event.rollbackId, steps: event.steps.map((step) => ({ step, state: 'pending', message: '', durationMs: null })), finished: null };
  }
  if (event.type === 'rollback-step') {
    if (state?.rollbackId !== event.rollbackId) return state;
    const view: RollbackStepView = { step: event.step, state: event.state, message: event.message, durationMs: event.durationMs ?? null };
    const known = state.steps.some((s) => s.step === event.step);
    return { ...state, steps: known ? state.steps.map((s) => (s.step === event.step ? view : s)) : [...state.steps, view] };
  }
  if (event.type === 'rollback-finished') {
    if (state?.rollbackId !== event.rollbackId) return state;
    return { ...state, finished: { success: event.success, message: event.message } };
  }
  return state;
}
