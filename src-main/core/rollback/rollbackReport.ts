import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { rollbackTargetLabel, StudioError, type RollbackReport, type SavedRollbackReport } from '../../contract';
import { backupFolder, backupsFolder, loadBackupRecord } from '../backups';

const bytes = (n: number | null) => (n === null ? '?' : n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`);

/** The report as an operator reads it on paper or in a ticket. */
export function reportText(report: RollbackReport): string {
  const lines = [
    `PGM Studio rollback report ${report.id}`,
    `Database:   ${report.database}`,
    `Rolled back to: ${rollbackTargetLabel(report.toMigration)}`,
    `Started:    ${report.startedAt}`,
    `Finished:   ${report.finishedAt}`,
    `Result:     ${report.success ? 'SUCCESS' : `FAILED at step "${report.failedStep}"`} — ${report.message}`,
    `Database changed: ${report.databaseChanged ? 'yes (the downs were committed)' : 'no'}`,
    '',
    'Steps:',
    ...report.steps.map((s) => `  [${s.state.padEnd(7)}] ${s.step.padEnd(9)} ${s.message}${s.durationMs === null ? '' : ` (${(s.durationMs / 1000).toFixed(1)} s)`}${s.hint && !(s.step === 'run' && report.run?.failure?.hint) ? `\n            hint: ${s.hint}` : ''}`),
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
  if (report.reportPaths) lines.push('', `Report saved as ${report.reportPaths.json}`, `  and as text in ${report.reportPaths.text}`);
  return `${lines.join('\n')}\n`;
}

/** Where a report is saved: next to its backup, or in rollbacks/<id>/ when the backup was skipped. */
export const rollbacksFolder = (dataDir: string, rollbackId: string) => join(dataDir, 'rollbacks', rollbackId);
const reportFileName = (rollbackId: string) => `rollback-${rollbackId}.json`;
const reportFilePattern = /^rollback-[0-9a-f-]{36}\.json$/;

/** JSON and text side by side in `folder`. */
export async function saveRollbackReport(folder: string, report: RollbackReport): Promise<{ json: string; text: string }> {
  await mkdir(folder, { recursive: true });
  const paths = { json: join(folder, `rollback-${report.id}.json`), text: join(folder, `rollback-${report.id}.txt`) };
  // Written as it will stand once written: the report step is this save.
  const steps = report.steps.map((s) => (s.step === 'report' ? { ...s, state: 'done' as const, message: 'Saved (JSON, and this text beside it).' } : s));
  const withPaths = { ...report, steps, reportPaths: paths };
  await writeFile(paths.json, `${JSON.stringify(withPaths, null, 2)}\n`, { mode: 0o600 });
  await writeFile(paths.text, reportText(withPaths), { mode: 0o600 });
  return paths;
}

async function readSaved(jsonPath: string): Promise<SavedRollbackReport | null> {
  let report: RollbackReport;
  try {
    report = JSON.parse(await readFile(jsonPath, 'utf8')) as RollbackReport;
  } catch {
    return null;
  }
  // The text the engine wrote; written again from the JSON if it went missing.
  const text = await readFile(jsonPath.replace(/\.json$/, '.txt'), 'utf8').catch(() => reportText(report));
  return { report, text };
}

/**
 * A saved report, found by the rollback's id (its own folder, or any backup's folder: a rollback can
 * use an existing backup) or by a backup's record. Only ids come in; the paths are the engine's own.
 */
export async function loadRollbackReport(dataDir: string, which: { rollbackId: string } | { backupId: string }): Promise<SavedRollbackReport> {
  if ('backupId' in which) {
    const record = await loadBackupRecord(dataDir, which.backupId);
    const file = record.reportPath === null ? null : basename(record.reportPath);
    const saved = file !== null && reportFilePattern.test(file) ? await readSaved(join(backupFolder(dataDir, record.id), file)) : null;
    if (saved) return saved;
    throw new StudioError('not-found', `Backup ${record.id} has no rollback report: ${record.origin.kind === 'rollback' ? 'its rollback could not save one' : 'it was not made for a rollback'}.`, {
      hint: 'A report is saved by each guided rollback; the backup\'s own details are in its row of the Backups section.',
    });
  }
  const name = reportFileName(which.rollbackId);
  // The router checks the id is a UUID; checked again here, as the file name it becomes.
  if (!reportFilePattern.test(name)) throw new StudioError('invalid-input', 'A rollback id is the UUID its report names.', { hint: 'Copy the rollbackId from the rollback\'s History entry.' });
  const backupIds = await readdir(backupsFolder(dataDir)).catch(() => [] as string[]);
  for (const folder of [rollbacksFolder(dataDir, which.rollbackId), ...backupIds.map((id) => backupFolder(dataDir, id))]) {
    const saved = await readSaved(join(folder, name));
    if (saved) return saved;
  }
  throw new StudioError('not-found', `No rollback report with id ${which.rollbackId}.`, { hint: 'The History entry of a rollback names its id (rollbackId); the report is kept with its backup, so deleting the backup removes it.' });
}
