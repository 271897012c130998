/** Sizes as psql's pg_size_pretty prints them: 8192 bytes, 16 kB, 1234 MB. */
export function prettySize(bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  // pg_size_pretty switches unit when the value reaches 10 240 of the smaller one.
  while (Math.abs(value) >= 10_240 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Math.round(value)} ${units[unit]}`;
}

const integer = new Intl.NumberFormat('en');

export function rowEstimateText(rows: number | null): string {
  return rows === null ? 'not analyzed yet' : `~${integer.format(Math.round(rows))}`;
}

export const triggerEnabledText = { O: 'enabled', D: 'disabled', R: 'replica only', A: 'always' } as const;
