import type { StudioEvent } from '../contract';

export type StudioEventListener = (event: StudioEvent) => void;

/** Fan-out of run and connection events to every door's subscribers (IPC window, SSE streams). */
export interface EventBus {
  subscribe(listener: StudioEventListener): () => void;
  emit(event: StudioEvent): void;
}

export function createEventBus(onListenerError: (error: unknown) => void = () => undefined): EventBus {
  const listeners = new Set<StudioEventListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      // One broken subscriber (a closed socket, a destroyed window) must not stop the others or the run.
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}
