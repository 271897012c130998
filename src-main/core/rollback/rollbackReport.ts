import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RollbackReport } from '../../contract';

const bytes = (n: number | null) => (n === null ? '?' : n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`);

/** The report as an operator reads it on paper or in a ticket. */
export function reportText(report: RollbackReport): string {
  const lines = [
    `PGM Studio rollback report ${report.id}`,
    `Database:   ${report.database}`,
    `Rolled back to: ${report.toMigration}`,
    `Started:    ${report.startedAt}`,
    `Finished:   ${report.finishedAt}`,
    `Result:     ${report.success ? 'SUCCESS' : `FAILED at step "${report.failedStep}"`} — ${report.message}`,
    `Database changed: ${report.databaseChanged ? 'yes (the downs were committed)' : 'no'}`,
    '',
    'Steps:',
    ...report.steps.map((s) => `  [${s.state.padEnd(7)}] ${s.step.padEnd(9)} ${s.message}${s.durationMs === null ? '' : ` (${(s.durationMs / 1000).toFixed(1)} s)`}`),
    '',
    `Planned reverts (in order): ${report.plan.join(', ') || 'none'}`,
    `Reverted: ${report.reverted.join(', ') || 'none'}`,
    '',
  ];
  if (report.backup) {
    lines.push(`Backup: ${report.backup.id} (${report.backup.status}, ${bytes(report.backup.sizeBytes)}, sha256 ${report.backup.sha256 ?? '?'})`, `  at ${report.backup.path}`);
    lines.push(`  Restore it with: pgm-studio restore ${report.backup.id}`);
  } else if (report.backupSkipped) lines.push('Backup: SKIPPED by the operator (typed the database name and the phrase).');
  if (report.verification) lines.push(`Verification: ${report.verification.ok ? 'passed' : `FAILED: ${report.verification.problems.join(' ')}`}`);
  const integrity = report.integrity;
  if (integrity) {
    lines.push('', `Integrity check: ${integrity.ok ? 'passed' : 'PROBLEMS FOUND'}`);
    for (const r of integrity.rowCounts) lines.push(`  ${r.table.padEnd(40)} ${String(r.before).padStart(10)} -> ${String(r.after ?? 'gone').padStart(10)} rows`);
    for (const p of integrity.problems) lines.push(`  ! ${p}`);
    lines.push(`  Schema as rehearsed: ${integrity.matchesExpected ? 'yes' : 'no'}`);
  }
  if (report.run?.failure) lines.push('', `Down failure: ${report.run.failure.message}${report.run.failure.hint ? `\n  hint: ${report.run.failure.hint}` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** JSON and text side by side in `folder`. */
export async function saveRollbackReport(folder: string, report: RollbackReport): Promise<{ json: string; text: string }> {
  await mkdir(folder, { recursive: true });
  const paths = { json: join(folder, `rollback-${report.id}.json`), text: join(folder, `rollback-${report.id}.txt`) };
  const withPaths = { ...report, reportPaths: paths };
  await writeFile(paths.json, `${JSON.stringify(withPaths, null, 2)}\n`, { mode: 0o600 });
  await writeFile(paths.text, reportText(withPaths), { mode: 0o600 });
  return paths;
}
