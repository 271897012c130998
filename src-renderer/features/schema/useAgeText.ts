import { useEffect, useState } from 'react';
import { relativeTime } from '../../lib/relativeTime';

/** "loaded 2 min ago", reworded every 15 s so it never claims fresher data than it has. */
export function useAgeText(loadedAt: string | undefined): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!loadedAt) return null;
  // A load newer than the last tick is "just now", not in the future.
  return `loaded ${relativeTime(loadedAt, Math.max(now, Date.parse(loadedAt)))}`;
}
