// Wall time and memory of a repeated async operation, reported as plain figures.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// A gc() handle without asking the operator for `node --expose-gc`.
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as () => void);

export interface Timing {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface MemoryDelta {
  /** heapUsed right after the last run, minus before the first (collected) run. */
  heapAfterRunBytes: number;
  /** heapUsed after a GC once the runs are done: what stays allocated. */
  heapRetainedBytes: number;
  rssBytes: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function measure<T>(runs: number, operation: () => Promise<T>): Promise<{ timing: Timing; memory: MemoryDelta; last: T }> {
  await operation(); // warm-up: module loading and the first connection are not what we measure
  collectGarbage();
  const before = process.memoryUsage();
  const durations: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await operation();
    durations.push(performance.now() - started);
  }
  const afterRun = process.memoryUsage();
  collectGarbage();
  const retained = process.memoryUsage();
  return {
    timing: { runs, medianMs: median(durations), minMs: Math.min(...durations), maxMs: Math.max(...durations) },
    memory: {
      heapAfterRunBytes: afterRun.heapUsed - before.heapUsed,
      heapRetainedBytes: retained.heapUsed - before.heapUsed,
      rssBytes: afterRun.rss - before.rss,
    },
    last: last as T,
  };
}

export const formatMs = (ms: number): string => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
export const formatMb = (bytes: number): string => `${bytes >= 0 ? '+' : ''}${(bytes / 1024 / 1024).toFixed(1)} MB`;
