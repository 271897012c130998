import type { ChannelName, Handlers, MigrationEvent, ProjectSettings, BackupEvent, RollbackEvent, RunTimeouts } from '../contract';
import { StudioError } from '../contract';
import {
  backupTools, backupsFolder, createBackup, listBackupRecords, loadBackupRecord, restoreBackup, saveBackupRecord, verifyBackup,
} from '../core/backups';
import { describeTarget, identityOf, type DatabaseTarget } from '../core/database';
import { loadRollbackReport, rehearseDowns, rollbackPreflight, runRollback, snapshotOptionsOf } from '../core/rollback';
import type { EventBus } from './eventBus';
import type { RunGuard } from './runGuard';

type BackupsChannel = Extract<ChannelName, `backups/${string}` | `rollback/${string}` | 'migrations/stake'>;

export interface BackupsDeps {
  dataDir: string;
  project(): Promise<ProjectSettings>;
  /** The database a call works on, and whether it is production. */
  resolve(connectionId?: string): Promise<{ target: DatabaseTarget; production: boolean }>;
  /** The target of a call that changes the database: production needs `confirm` (productionGuard.ts). */
  targetToChange(connectionId: string | undefined, confirm: string | undefined): Promise<DatabaseTarget>;
  events: EventBus;
  runs: RunGuard;
  /** A folder holding pg_dump set in the preferences (searched first). */
  pgBinPath?: string;
  /** The connection's own run timeouts (production's defaults on production), as migrations/run applies them. */
  runTimeouts?(connectionId?: string): Promise<RunTimeouts>;
}

/**
 * backups/*, rollback/* and migrations/stake. Backups, restores and rollbacks are exclusive like a
 * run (one at a time in this studio; Cancel / Ctrl-C aborts them through the run guard's signal).
 */
export function backupsHandlers(deps: BackupsDeps): Pick<Handlers, BackupsChannel> {
  const running = new Set<string>();
  // Backups, restores and rollbacks in progress: backups/cancel never interrupts a plain migration run.
  let busy = 0;
  const emit = (event: BackupEvent | RollbackEvent | MigrationEvent) => deps.events.emit(event);
  const discovery = { preferencePath: deps.pgBinPath };
  const migrationsTable = async () => snapshotOptionsOf(await deps.project()).migrationsTable;

  /** Exclusive work whose backup id (once known) can be cancelled by id. */
  const exclusiveBackup = <T>(work: (signal: AbortSignal, track: (id: string) => void, runId: string) => Promise<T>) =>
    deps.runs.exclusive(async (runId, signal) => {
      const ids: string[] = [];
      busy++;
      try {
        return await work(signal, (id) => {
          ids.push(id);
          running.add(id);
        }, runId);
      } finally {
        busy--;
        for (const id of ids) running.delete(id);
      }
    });

  return {
    'backups/tools': async ({ connectionId }) => backupTools((await deps.resolve(connectionId)).target, discovery),
    'backups/list': async () => ({ backups: await listBackupRecords(deps.dataDir, running), folder: backupsFolder(deps.dataDir) }),
    'backups/create': async ({ connectionId, schemas }) => {
      const { target } = await deps.resolve(connectionId);
      const table = await migrationsTable();
      return exclusiveBackup((signal, track) => createBackup(target, { ...discovery, dataDir: deps.dataDir, migrationsTable: table, schemas, signal, onEvent: emit, onStart: track }));
    },
    'backups/cancel': async ({ id }) => {
      if (busy === 0 || (id !== undefined && !running.has(id))) return { cancelled: false };
      return { cancelled: await deps.runs.interrupt() };
    },
    'backups/verify': async ({ id, testRestore }) => {
      const record = await loadBackupRecord(deps.dataDir, id, running);
      // The current connection's server: its version picks pg_restore, and the test restore's scratch database goes there.
      const { target } = await deps.resolve();
      const verification = await verifyBackup(target, record, { ...discovery, testRestore });
      await saveBackupRecord(deps.dataDir, { ...record, verification, verified: verification.ok });
      return verification;
    },
    'backups/restore': async ({ connectionId, id, into, confirm }) => {
      const record = await loadBackupRecord(deps.dataDir, id, running);
      let target: DatabaseTarget;
      if (into === 'same') {
        if (confirm !== record.databaseName) {
          throw new StudioError('confirmation-required', `Restoring backup ${record.id} replaces every object it holds in ${record.database}: type the database's name (${record.databaseName}) to confirm. Nothing was restored.`, {
            hint: `Give confirm: "${record.databaseName}" (CLI: --confirm ${record.databaseName}), or restore into a new database.`,
            detail: { database: record.databaseName },
          });
        }
        target = await deps.targetToChange(connectionId, confirm);
        if (describeTarget(target) !== record.database) {
          throw new StudioError('invalid-input', `Backup ${record.id} is of ${record.database}, but the selected connection is ${describeTarget(target)}. Nothing was restored.`, {
            hint: 'Select the connection of the backed-up database, or restore into a new database.',
          });
        }
      } else target = (await deps.resolve(connectionId)).target;
      const table = await migrationsTable();
      return exclusiveBackup((signal) => restoreBackup(target, record, { ...discovery, into, migrationsTable: table, signal, onEvent: emit }));
    },
    'migrations/stake': async ({ connectionId, selection, checkOrder }) => {
      const [{ target, production }, project] = await Promise.all([deps.resolve(connectionId), deps.project()]);
      if (selection.direction !== 'down') throw new StudioError('invalid-input', 'migrations/stake tells what a down run puts at stake; this selection goes up.', { hint: 'Give selection.direction "down".' });
      const settings = checkOrder === false ? { ...project, checkOrder: false } : project;
      // A rehearsal streams no events here: this is a dialog's look-ahead, not a run the timeline shows.
      return (await rehearseDowns(target, settings, selection, { production })).stake;
    },
    'rollback/plan': async ({ connectionId, toMigration }) => {
      const [{ target, production }, project] = await Promise.all([deps.resolve(connectionId), deps.project()]);
      const { stake } = await rehearseDowns(target, project, { direction: 'down', to: toMigration }, { production });
      return { ...stake, toMigration, database: describeTarget(target), databaseName: identityOf(target).database };
    },
    'rollback/preflight': async ({ connectionId }) => rollbackPreflight((await deps.resolve(connectionId)).target, await deps.project()),
    'rollback/run': async ({ connectionId, toMigration, backup, lockTimeout, timeouts, confirm, expectedPlan, checkOrder }) => {
      const [target, projectSettings, connectionTimeouts] = await Promise.all([deps.targetToChange(connectionId, confirm), deps.project(), deps.runTimeouts?.(connectionId)]);
      const project = checkOrder === false ? { ...projectSettings, checkOrder: false } : projectSettings;
      const choice = 'skip' in backup ? { skip: backup.skip } : 'id' in backup ? { id: backup.id } : { create: true as const, schemas: backup.schemas };
      // The connection's timeouts, then the rollback's lockTimeout, then the confirmation's override for this run.
      const runTimeouts: RunTimeouts = { ...connectionTimeouts, ...(lockTimeout !== undefined ? { lockTimeout } : {}), ...timeouts };
      return exclusiveBackup((signal, track, runId) => runRollback(target, { toMigration, backup: choice, timeouts: runTimeouts, expectedPlan }, {
        ...discovery, dataDir: deps.dataDir, project, runId, signal, onEvent: emit, onBackupStart: track,
      }));
    },
    'rollback/report': async (which) => loadRollbackReport(deps.dataDir, which),
  };
}
