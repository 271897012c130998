import { userInfo } from 'node:os';
import { rollbackTargetLabel, type ChannelName, type Handlers, type HistoryEntry, type HistoryOperation, type MigrationRunResponse, type RehearsalResult, type BackupRecord, type BackupVerification, type RestoreResult, type RollbackReport, type StudioEvent } from '../contract';
import { describeTarget, identityOf, type DatabaseTarget } from '../core/database';
import { currentRequestOrigin, type HistoryLog } from '../core/history';
import type { EventBus } from './eventBus';

type HistoryChannel = Extract<ChannelName, `history/${string}`>;

export function historyHandlers(log: HistoryLog): Pick<Handlers, HistoryChannel> {
  return {
    'history/list': (filter) => log.list(filter),
    'history/export': (filter) => log.export(filter),
  };
}

export interface HistoryRecorderDeps {
  log: HistoryLog;
  door: 'electron' | 'server' | 'cli';
  events: EventBus;
  /** The database a call's connectionId reaches, and whether it is production. */
  resolve(connectionId?: string): Promise<{ target: DatabaseTarget; production: boolean }>;
  onError(error: unknown): void;
}

interface Outcome {
  operation: HistoryOperation;
  migrations: string[];
  direction: 'up' | 'down' | null;
  result: HistoryEntry['result'];
  message: string;
  sql?: string[];
  detail?: HistoryEntry['detail'];
}

type Input = Record<string, unknown> & { connectionId?: string; confirm?: string; checkOrder?: boolean; selection?: { direction: 'up' | 'down' } };

const runOutcome = (operation: HistoryOperation, direction: 'up' | 'down' | null) => (value: unknown): Outcome => {
  const run = value as MigrationRunResponse;
  const interrupted = run.failure?.interrupted === true;
  return { operation, migrations: run.results.map((r) => r.name), direction, result: run.success ? 'success' : interrupted ? 'cancelled' : 'failure', message: run.message, sql: run.statements };
};

/** How each recorded channel's result reads in the log. */
const recorded: Partial<Record<ChannelName, (value: unknown, input: Input) => Outcome>> = {
  'migrations/run': (value, input) => runOutcome('run', input.selection?.direction ?? null)(value),
  'migrations/redo': (value) => runOutcome('redo', null)(value),
  'migrations/rehearse': (value) => {
    const r = value as RehearsalResult;
    return { operation: 'rehearsal', migrations: r.plan, direction: r.direction, result: r.success ? 'success' : 'failure', message: r.message, sql: r.statements };
  },
  'backups/create': (value) => {
    const b = value as BackupRecord;
    return { operation: 'backup', migrations: b.appliedMigrations, direction: null, result: b.status === 'complete' ? 'success' : b.status === 'cancelled' ? 'cancelled' : 'failure', message: b.message ?? `Backup ${b.id} complete (${b.tables.length} tables, ${b.sizeBytes ?? 0} bytes).`, detail: { backupId: b.id, path: b.path } };
  },
  'backups/verify': (value, input) => {
    const v = value as BackupVerification;
    return { operation: 'verify', migrations: [], direction: null, result: v.ok ? 'success' : 'failure', message: v.ok ? 'Backup verified.' : v.problems.join(' '), detail: { backupId: String(input.id), testRestore: v.testRestore !== null } };
  },
  'backups/restore': (value) => {
    const r = value as RestoreResult;
    return { operation: 'restore', migrations: r.appliedMigrations, direction: null, result: r.check.ok ? 'success' : 'failure', message: r.check.message, detail: { backupId: r.backupId, into: r.into, database: r.database } };
  },
  'rollback/run': (value) => {
    const r = value as RollbackReport;
    return { operation: 'rollback', migrations: r.plan, direction: 'down', result: r.success ? 'success' : 'failure', message: r.message, ...(r.run?.statements ? { sql: r.run.statements } : {}), detail: { rollbackId: r.id, backupId: r.backup?.id ?? null, backupSkipped: r.backupSkipped, failedStep: r.failedStep, report: r.reportPaths?.json ?? null } };
  },
};

type EntryBase = Pick<HistoryEntry, 'time' | 'door' | 'actor' | 'connection' | 'database'>;

/**
 * A backup skipped before a rollback, whichever way it was asked for (the wizard, a down confirmation
 * that reverts everything, the CLI): who (the entry's actor) and what they typed.
 */
function backupSkippedEntry(base: EntryBase, rollback: RollbackReport, input: Input): Omit<HistoryEntry, 'id'> {
  const skip = (input.backup as { skip?: { typedDatabaseName: string; phrase: string } } | undefined)?.skip;
  const who = base.actor.kind === 'os-user' ? base.actor.name : `an API token (${base.actor.role})`;
  return {
    ...base, operation: 'backup-skipped', migrations: rollback.plan, direction: 'down', durationMs: 0, result: 'success',
    message: `Backup skipped before a rollback to ${rollbackTargetLabel(rollback.toMigration)}: ${who} typed the database name and "${skip?.phrase.trim() ?? ''}".`,
    sql: [],
    detail: { rollbackId: rollback.id, typedDatabaseName: skip?.typedDatabaseName ?? null, typedPhrase: skip?.phrase ?? null },
  };
}

const operationOf: Partial<Record<ChannelName, HistoryOperation>> = {
  'migrations/run': 'run', 'migrations/redo': 'redo', 'migrations/rehearse': 'rehearsal', 'backups/create': 'backup', 'backups/verify': 'verify', 'backups/restore': 'restore', 'rollback/run': 'rollback',
};

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/**
 * Every operation on a database, whichever door called it, appended to the audit log with who, where,
 * what, how long, the result and the SQL (node-pg-migrate's statements, streamed as debug lines while it
 * runs). Wraps the handlers, so no handler knows about the log; a log that cannot be written never fails the operation.
 */
export function recordHistory(handlers: Handlers, deps: HistoryRecorderDeps): Handlers {
  const wrapped = { ...handlers } as Record<string, (input: unknown) => Promise<unknown>>;
  for (const channel of Object.keys(operationOf) as ChannelName[]) {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    wrapped[channel] = async (rawInput: unknown) => {
      const input = (rawInput ?? {}) as Input;
      const origin = currentRequestOrigin();
      const started = Date.now();
      const sql: string[] = [];
      const unsubscribe = deps.events.subscribe((event: StudioEvent) => {
        if (event.type === 'log' && event.level === 'debug') sql.push(event.message);
      });
      const where = await deps.resolve(input.connectionId).catch(() => null);
      const base = {
        time: new Date(started).toISOString(),
        door: origin?.door ?? deps.door,
        actor: origin?.actor ?? { kind: 'os-user' as const, name: osUser() },
        connection: where ? describeTarget(where.target) : '(not resolved)',
        database: where ? identityOf(where.target).database : '',
      };
      // Awaited before the call returns (a CLI exits right after), but a failed write never fails the operation.
      const append = (entry: Omit<HistoryEntry, 'id'>) => deps.log.append(entry).then(() => undefined, deps.onError);
      try {
        const value = await handler(rawInput);
        const outcome = recorded[channel]!(value, input);
        const overrides = { ...(input.confirm !== undefined && where?.production ? { productionConfirmed: input.confirm } : {}), ...(input.checkOrder === false ? { checkOrderOff: true } : {}) };
        if (Object.keys(overrides).length) {
          await append({ ...base, operation: 'guard-override', migrations: outcome.migrations, direction: outcome.direction, durationMs: 0, result: 'success', message: `${Object.keys(overrides).join(', ')} given for ${channel}.`, sql: [], detail: overrides });
        }
        const rollback = channel === 'rollback/run' ? (value as RollbackReport) : null;
        if (rollback?.backupSkipped) await append(backupSkippedEntry(base, rollback, input));
        await append({ ...base, operation: outcome.operation, migrations: outcome.migrations, direction: outcome.direction, durationMs: Date.now() - started, result: outcome.result, message: outcome.message, sql: outcome.sql ?? sql, ...(outcome.detail || Object.keys(overrides).length ? { detail: { ...outcome.detail, ...overrides } } : {}) });
        return value;
      } catch (error) {
        await append({ ...base, operation: operationOf[channel]!, migrations: [], direction: input.selection?.direction ?? null, durationMs: Date.now() - started, result: 'failure', message: error instanceof Error ? error.message : String(error), sql });
        throw error;
      } finally {
        unsubscribe();
      }
    };
  }
  return wrapped as Handlers;
}
