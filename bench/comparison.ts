// Figures printed side by side with their targets, for the bench sections that compare.
import { median } from './measure';

export const out = (line: string): void => void process.stdout.write(`${line}\n`);

const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const mark = (met: boolean) => (met ? '✓' : '✗');
const pad = (text: string, width: number) => text.padEnd(width);

/** One line: node-pg-migrate's median, ours, the ratio and its target. */
export function ratioLine(label: string, theirs: number[], ours: number[], maxRatio: number, unit: 'ms' | 'MiB' = 'ms'): void {
  const [a, b] = [median(theirs), median(ours)];
  const show = unit === 'ms' ? seconds : (v: number) => `${v.toFixed(0)} MiB`;
  const ratio = b / a;
  out(`  ${pad(label, 24)} node-pg-migrate ${pad(show(a), 9)} PGM Studio ${pad(show(b), 9)} ratio ${ratio.toFixed(2)}  target <= ${maxRatio.toFixed(2)} ${mark(ratio <= maxRatio)}  (${ours.length} runs each)`);
}

/** One line: a figure against an absolute limit (or none). */
export function figureLine(label: string, values: number[], limitMs?: number, note = ''): void {
  const value = median(values);
  const target = limitMs === undefined ? '' : `  target < ${seconds(limitMs)} ${mark(value < limitMs)}`;
  out(`  ${pad(label, 24)} ${pad(seconds(value), 9)}${target}  (median of ${values.length}${note ? `; ${note}` : ''})`);
}
