import type { BackupStatus, StudioEvent } from '../../../src-main/contract';

/** What the operator reads while a backup or a restore runs, built from the engine's events. */
export interface TransferProgress {
  kind: 'backup' | 'restore';
  /** The backup's id (for a restore: the backup being restored). */
  backupId: string;
  restoreId: string | null;
  database: string;
  tablesDone: number;
  tablesTotal: number;
  bytesWritten: number;
  bytesEstimated: number;
  currentTable: string | null;
  /** 'running' until the finished event; then the backup's status, or complete/failed for a restore. */
  status: BackupStatus;
  message: string | null;
}

/** Follows one backup or restore at a time: a started event takes over, events of another one are ignored. */
export function reduceTransferProgress(state: TransferProgress | null, event: StudioEvent): TransferProgress | null {
  switch (event.type) {
    case 'backup-started':
      return { kind: 'backup', backupId: event.backupId, restoreId: null, database: event.database, tablesDone: 0, tablesTotal: event.tablesTotal, bytesWritten: 0, bytesEstimated: event.bytesEstimated, currentTable: null, status: 'running', message: null };
    case 'restore-started':
      return { kind: 'restore', backupId: event.backupId, restoreId: event.restoreId, database: event.database, tablesDone: 0, tablesTotal: event.tablesTotal, bytesWritten: 0, bytesEstimated: 0, currentTable: null, status: 'running', message: null };
    case 'backup-progress':
      if (state?.kind !== 'backup' || state.backupId !== event.backupId) return state;
      return { ...state, tablesDone: event.tablesDone, tablesTotal: event.tablesTotal, bytesWritten: event.bytesWritten, bytesEstimated: event.bytesEstimated, currentTable: event.currentTable };
    case 'restore-progress':
      if (state?.kind !== 'restore' || state.restoreId !== event.restoreId) return state;
      return { ...state, tablesDone: event.tablesDone, tablesTotal: event.tablesTotal, currentTable: event.currentTable };
    case 'backup-finished':
      if (state?.kind !== 'backup' || state.backupId !== event.backupId) return state;
      return { ...state, status: event.status, message: event.message, currentTable: null, tablesDone: event.status === 'complete' ? state.tablesTotal : state.tablesDone };
    case 'restore-finished':
      if (state?.kind !== 'restore' || state.restoreId !== event.restoreId) return state;
      return { ...state, status: event.success ? 'complete' : 'failed', message: event.message, currentTable: null, tablesDone: event.success ? state.tablesTotal : state.tablesDone };
    default:
      return state;
  }
}

/** 0..100 for a progress bar: tables done of total (bytes are an estimate, tables are exact). */
export function transferPercent(progress: TransferProgress): number {
  if (progress.status === 'complete') return 100;
  if (progress.tablesTotal <= 0) return 0;
  return Math.min(100, Math.round((progress.tablesDone / progress.tablesTotal) * 100));
}
