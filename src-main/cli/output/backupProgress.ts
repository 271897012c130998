// Live progress of backups, restores and rollbacks on stderr, one line per step or per second.
import { rollbackTargetLabel, type BackupEvent, type RollbackEvent, type StudioEvent } from '../../contract';
import type { Terminal } from '../terminal';

export const formatBytes = (n: number) => (n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(2)} GiB` : n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`);

const backupTypes = new Set(['backup-started', 'backup-progress', 'backup-finished', 'restore-started', 'restore-progress', 'restore-finished', 'rollback-started', 'rollback-step', 'rollback-finished']);
export const isBackupOrRollbackEvent = (event: StudioEvent): event is BackupEvent | RollbackEvent => backupTypes.has(event.type);

/** A printer for the events; progress lines at most once a second (and whenever a table finishes). */
export function createBackupProgress(terminal: Terminal, now: () => number = Date.now) {
  const dim = terminal.errStyle.dim;
  let lastLine = 0;
  let lastDone = -1;
  return (event: BackupEvent | RollbackEvent): void => {
    switch (event.type) {
      case 'backup-started':
        terminal.err(dim(`backup ${event.backupId}: ${event.tablesTotal} tables, about ${formatBytes(event.bytesEstimated)} of table data`));
        return;
      case 'backup-progress':
        if (event.tablesDone === lastDone && now() - lastLine < 1000) return;
        lastDone = event.tablesDone;
        lastLine = now();
        terminal.err(dim(`backup: ${event.tablesDone}/${event.tablesTotal} tables, ${formatBytes(event.bytesWritten)} written${event.currentTable ? ` (${event.currentTable})` : ''}`));
        return;
      case 'backup-finished':
        terminal.err(dim(`backup ${event.backupId}: ${event.status} — ${event.message}`));
        return;
      case 'restore-started':
        terminal.err(dim(`restore of backup ${event.backupId} into ${event.database}: ${event.tablesTotal} tables`));
        return;
      case 'restore-progress':
        terminal.err(dim(`restore: ${event.tablesDone}/${event.tablesTotal} tables${event.currentTable ? ` (${event.currentTable})` : ''}`));
        return;
      case 'restore-finished':
        terminal.err(dim(`restore: ${event.success ? 'done' : 'FAILED'} — ${event.message}`));
        return;
      case 'rollback-started':
        terminal.err(dim(`rollback of ${event.database} to ${rollbackTargetLabel(event.toMigration)}: reverts ${event.plan.join(', ')}`));
        return;
      case 'rollback-step':
        if (event.state === 'running') terminal.err(dim(`[${event.step}] …`));
        else terminal.err(`${event.state === 'failed' ? terminal.errStyle.fail(`[${event.step}] failed`) : dim(`[${event.step}] ${event.state}`)}${event.message ? dim(`: ${event.message}`) : ''}`);
        return;
      case 'rollback-finished':
        return;
    }
  };
}
