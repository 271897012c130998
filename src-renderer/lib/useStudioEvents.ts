import { useEffect, useRef } from 'react';
import type { StudioEvent } from '../../src-main/contract';
import { studio } from './studio';

/** Calls `listener` with every studio event while the component is mounted (the latest listener, no resubscribing). */
export function useStudioEvents(listener: (event: StudioEvent) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    const controller = new AbortController();
    const unsubscribe = studio.subscribe((event) => latest.current(event), controller.signal);
    // Both, as in RunProgressProvider: in Electron only the returned function crosses the contextBridge.
    return () => {
      controller.abort();
      unsubscribe();
    };
  }, []);
}
