import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

/**
 * Asks before unsaved changes are left behind: another section, another migration (the route's
 * query), or closing the page. `dirty` is read at the moment of leaving, so a save just before counts.
 */
export function useUnsavedGuard(dirty: boolean) {
  const dirtyRef = useRef(dirty);
  // Set while a save or create is under way: its own navigation (to the created file) is no leaving.
  const releasedRef = useRef(false);
  useEffect(() => {
    dirtyRef.current = dirty;
  });
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirtyRef.current && !releasedRef.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirtyRef.current && !releasedRef.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  return {
    /** Lets the app navigate while the text is being written (a created draft opens as its file). */
    release() {
      releasedRef.current = true;
    },
    /** Guards again once the write is over (it failed, or the text is now the file's). */
    hold() {
      releasedRef.current = false;
    },
    blocker,
  };
}
