import type pg from 'pg';
import type { RunnerOption } from 'node-pg-migrate';
import type { MigrationEvent, ProjectSettings } from '../../contract';
import { runnerIgnorePattern } from './migrationFiles';
import { migrationLoaderStrategies } from './scriptLoader';
import type { TransactionalClient } from './transactionalClient';

type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export function runnerLogger(emit: (event: MigrationEvent) => void, runId: string) {
  const line = (level: LogLevel) => (message: unknown) => emit({ type: 'log', runId, level, message: String(message).trimEnd() });
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/**
 * Options for one runner() call. Locking and transactions are ours (see lock.ts and
 * transactionalClient.ts): noLock, and singleTransaction so every migration of the call shares one
 * (savepointed) transaction, like node-pg-migrate's CLI default.
 */
export function runnerOptions(
  project: ProjectSettings,
  client: TransactionalClient,
  direction: 'up' | 'down',
  count: number,
  logger: ReturnType<typeof runnerLogger>,
): RunnerOption {
  return {
    dbClient: client as unknown as pg.ClientBase,
    dir: project.migrationsDir,
    ignorePattern: runnerIgnorePattern,
    migrationsTable: project.migrationsTable,
    migrationsSchema: project.migrationsSchema,
    schema: project.schema,
    checkOrder: project.checkOrder,
    direction,
    count,
    singleTransaction: true,
    noLock: true,
    verbose: false,
    logger,
    migrationLoaderStrategies,
  };
}
