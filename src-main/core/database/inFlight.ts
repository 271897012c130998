/**
 * Concurrent callers with the same key share one pending promise; once it settles the key is
 * forgotten, so nothing is cached (the next call reads again).
 */
export function sharedInFlight<T>(): (key: string, read: () => Promise<T>) => Promise<T> {
  const pending = new Map<string, Promise<T>>();
  return (key, read) => {
    const existing = pending.get(key);
    if (existing) return existing;
    const started = read().finally(() => pending.delete(key));
    pending.set(key, started);
    return started;
  };
}
