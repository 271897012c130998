// `pgm-studio status` for a human: one line per migration, oldest first, then the summary.
import { migrationCounts, type MigrationEntry, type MigrationState, type MigrationStatus } from '../../contract';
import type { Style } from '../terminal';

const stateLabels: Record<MigrationState, { mark: string; label: string; paint: keyof Style }> = {
  applied: { mark: '✓', label: 'applied', paint: 'ok' },
  pending: { mark: '•', label: 'pending', paint: 'accent' },
  'missing-file': { mark: '✗', label: 'missing file', paint: 'fail' },
  'out-of-order': { mark: '!', label: 'out of order', paint: 'warn' },
  'duplicate-name': { mark: '✗', label: 'duplicate', paint: 'fail' },
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
  const notes = entry.duplicateFiles
    ? [formatRunOn(entry.runOn), style.fail(`${entry.duplicateFiles.join(' and ')} share this name: rename one`)].filter(Boolean).join('  ')
    : [formatRunOn(entry.runOn), entry.hasDown === false ? style.dim('(no down step)') : ''].filter(Boolean).join('  ');
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
  const counts = migrationCounts(status);
  const parts = [`${counts.total} migrations`, `${counts.applied} applied`, `${counts.pending} pending`];
  if (counts.missingFile) parts.push(style.fail(`${counts.missingFile} missing file`));
  if (counts.outOfOrder) parts.push(style.warn(`${counts.outOfOrder} out of order`));
  if (counts.duplicateName) parts.push(style.fail(`${counts.duplicateName} duplicate name`));
  lines.push('', parts.join(' · '));
  lines.push(`Last applied: ${status.lastMigration ?? 'none'}`);
  if (counts.duplicateName) lines.push(style.fail('Two files share a migration name: rename one of each pair. No run starts until then.'));
  else lines.push(status.isUpToDate ? style.ok('Up to date.') : style.warn('Not up to date: run `pgm-studio up` to apply the pending migrations.'));
  return lines;
}
