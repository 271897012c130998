// pgm-studio backup / restore / rollback: the backup-then-rollback workflow, headless.
import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import { skipBackupPhrase, type BackupRecord, type RollbackReport } from '../../contract';
import { exitCodes } from '../cliErrors';
import { createBackupProgress, formatBytes, isBackupOrRollbackEvent } from '../output/backupProgress';
import type { CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';
import { confirmOptionDescription, confirmOptionFlags, withProductionConfirmation } from './productionConfirmation';

/** Backup/restore/rollback progress on stderr for the length of `work`. */
async function withBackupProgress<T>(deps: CommandDeps, command: Command, work: () => Promise<T>): Promise<T> {
  const progress = createBackupProgress(deps.terminal);
  const unsubscribe = deps.shared.studio(command).events.subscribe((event) => {
    if (isBackupOrRollbackEvent(event)) progress(event);
  });
  try {
    return await work();
  } finally {
    unsubscribe();
  }
}

const statusExit = (status: BackupRecord['status']) => (status === 'complete' ? exitCodes.success : status === 'cancelled' ? exitCodes.interrupted : exitCodes.migrationFailed);

/** `restore` takes an id or the path of a backup's folder (or of its dump inside it). */
export function backupIdFrom(reference: string): string {
  if (!/[\\/]/.test(reference)) return reference;
  const trimmed = reference.replace(/[\\/]+$/, '');
  const last = basename(trimmed);
  return last === 'dump' || last === 'backup.json' ? basename(dirname(trimmed)) : last;
}

export function registerBackupCommands(program: Command, deps: CommandDeps): void {
  program
    .command('backup')
    .description('back up the database with the installed pg_dump that fits its server, into the data folder\'s backups (then verify it)')
    .option('--only-schema <name...>', 'back up only these schemas (default: the whole database)')
    .option('--test-restore', 'also restore it into a scratch database and compare every table\'s row count', false)
    .action(async (options: { onlySchema?: string[]; testRestore: boolean }, command: Command) => {
      await withDatabase(deps, command, async ({ api, json }) => {
        const record = await withBackupProgress(deps, command, () => api.backups.create({ ...(options.onlySchema ? { schemas: options.onlySchema } : {}) }));
        const verification = record.status === 'complete' ? await withBackupProgress(deps, command, () => api.backups.verify({ id: record.id, testRestore: options.testRestore })) : null;
        if (json) deps.terminal.json({ ...record, verification, verified: verification?.ok ?? false });
        else if (record.status === 'complete') {
          const style = deps.terminal.outStyle;
          deps.terminal.out(`${style.ok(`Backup ${record.id} complete`)}: ${record.tables.length} tables, ${formatBytes(record.sizeBytes ?? 0)}, at ${record.path}`);
          deps.terminal.out(verification?.ok ? style.ok(`Verified${verification.testRestore ? ' (test restore: row counts match)' : ''}.`) : style.fail(`Verification failed: ${verification?.problems.join(' ')}`));
        }
        if (record.status !== 'complete') deps.terminal.errorWithHint(record.message ?? `The backup is ${record.status}.`, 'Nothing was kept as a usable backup. Fix the cause above and run pgm-studio backup again.');
        return record.status === 'complete' && verification?.ok === false ? exitCodes.migrationFailed : statusExit(record.status);
      });
    });

  program
    .command('restore')
    .description('restore a backup: into the database it was taken of (--confirm its name), or into a new database (--into NAME)')
    .argument('<backup>', 'the backup\'s id, or the path of its folder')
    .option('--into <database>', 'create this database on the same server and restore there (the original is left alone)')
    .option(confirmOptionFlags, 'the database name: required to restore over the database the backup was taken of')
    .action(async (reference: string, options: { into?: string; confirm?: string }, command: Command) => {
      await withDatabase(deps, command, async ({ api, json }) => {
        const id = backupIdFrom(reference);
        const into = options.into ? { newDatabase: options.into } : ('same' as const);
        const result = await withBackupProgress(deps, command, () => withProductionConfirmation(options.confirm, deps.terminal, (confirm) => api.backups.restore({ id, into, ...(confirm ? { confirm } : {}) })));
        if (json) deps.terminal.json(result);
        else deps.terminal.out(`${result.check.ok ? deps.terminal.outStyle.ok('Restored') : deps.terminal.outStyle.fail('Restored with differences')} into ${result.database}: ${result.check.message}`);
        return result.check.ok ? exitCodes.success : exitCodes.migrationFailed;
      });
    });

  program
    .command('rollback')
    .description('roll back to a migration the guided way: back up, verify, rehearse the downs, run them (lock_timeout), check integrity, save a report')
    .requiredOption('--to <name>', 'revert every migration after this one, leaving it applied')
    .option('--backup <id>', 'use this existing complete backup of the database instead of making one')
    .option('--skip-backup <database>', `roll back without a backup: give the database's name, and --skip-phrase "${skipBackupPhrase}"`)
    .option('--skip-phrase <phrase>', 'the phrase that confirms --skip-backup')
    .option('--lock-timeout <time>', 'lock_timeout for the downs (PostgreSQL time, e.g. 5s)', '5s')
    .option(confirmOptionFlags, confirmOptionDescription)
    .action(async (options: { to: string; backup?: string; skipBackup?: string; skipPhrase?: string; lockTimeout: string; confirm?: string }, command: Command) => {
      await withDatabase(deps, command, async ({ api, json }) => {
        const backup = options.skipBackup !== undefined
          ? { skip: { typedDatabaseName: options.skipBackup, phrase: options.skipPhrase ?? '' } }
          : options.backup ? { id: options.backup } : { create: true as const };
        const report: RollbackReport = await withBackupProgress(deps, command, () =>
          withProductionConfirmation(options.confirm, deps.terminal, (confirm) => api.rollback.run({ toMigration: options.to, backup, lockTimeout: options.lockTimeout, ...(confirm ? { confirm } : {}) })),
        );
        if (json) deps.terminal.json(report);
        // The rollback engine loads with this command only (not with up, down or status).
        else deps.terminal.out((await import('../../core/rollback')).reportText(report).trimEnd());
        if (!report.success) {
          deps.terminal.errorWithHint(report.message, report.backup ? `The database is ${report.databaseChanged ? 'changed: restore with pgm-studio restore ' + report.backup.id + ' --confirm ' + report.databaseName : 'unchanged'}; the report is at ${report.reportPaths?.text ?? '(not saved)'}.` : 'Fix the cause above and run the rollback again.');
        }
        return report.success ? exitCodes.success : exitCodes.migrationFailed;
      });
    });
}
