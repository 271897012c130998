// `pgm-studio status` for a human: one line per migration, oldest first, then the summary.
import type { MigrationEntry, MigrationState, MigrationStatus } from '../../contract';
import type { Style } from '../terminal';

const stateLabels: Record<MigrationState, { mark: string; label: string; paint: keyof Style }> = {
  applied: { mark: '✓', label: 'applied', paint: 'ok' },
  pending: { mark: '•', label: 'pending', paint: 'accent' },
  'missing-file': { mark: '✗', label: 'missing file', paint: 'fail' },
  'out-of-order': { mark: '!', label: 'out of order', paint: 'warn' },
};

/** `2026-11-27T13:45:02.123Z` -> `2026-11-27 13:45:02 UTC`. */
export function formatRunOn(runOn: string | null): string {
  if (!runOn) return '';
  const date = new Date(runOn);
  if (Number.isNaN(date.getTime())) return runOn;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function line(entry: MigrationEntry, nameWidth: number, style: Style): string {
  const state = stateLabels[entry.state];
  const paint = style[state.paint];
  const notes = [formatRunOn(entry.runOn), entry.hasDown === false ? style.dim('(no down step)') : ''].filter(Boolean).join('  ');
  return `  ${paint(state.mark)} ${paint(state.label.padEnd(12))} ${entry.name.padEnd(nameWidth)}  ${notes}`.trimEnd();
}

export function formatStatusTimeline(status: MigrationStatus, style: Style, where: { database: string; migrationsDir: string }): string[] {
  const lines = [style.bold(`Migrations in ${where.migrationsDir}`) + style.dim(` on ${where.database}`)];
  if (status.migrations.length === 0) {
    lines.push('  No migrations yet. Create one with `pgm-studio create <name>`.');
    return lines;
  }
  const nameWidth = Math.max(...status.migrations.map((m) => m.name.length));
  for (const entry of status.migrations) lines.push(line(entry, nameWidth, style));
  const count = (state: MigrationState) => status.migrations.filter((m) => m.state === state).length;
  const parts = [`${status.migrations.length} migrations`, `${count('applied')} applied`, `${status.pendingMigrations.length} pending`];
  if (count('missing-file')) parts.push(style.fail(`${count('missing-file')} missing file`));
  if (count('out-of-order')) parts.push(style.warn(`${count('out-of-order')} out of order`));
  lines.push('', parts.join(' · '));
  lines.push(`Last applied: ${status.lastMigration ?? 'none'}`);
  lines.push(status.isUpToDate ? style.ok('Up to date.') : style.warn('Not up to date: run `pgm-studio up` to apply the pending migrations.'));
  return lines;
}
