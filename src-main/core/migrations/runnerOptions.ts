import { basename, resolve } from 'node:path';
import type pg from 'pg';
import type { RunnerOption } from 'node-pg-migrate';
import { builtInLoaders } from 'node-pg-migrate/migrationLoader';
import type { MigrationEvent, ProjectSettings } from '../../contract';
import { runnerIgnorePattern, type MigrationFile } from './migrationFiles';
import { migrationLoaderStrategies } from './scriptLoader';
import type { TransactionalClient } from './transactionalClient';

type LogLevel = 'debug' | 'info' | 'warn' | 'error';
type RunnerLogger = ReturnType<typeof runnerLogger>;
type LoaderStrategies = NonNullable<RunnerOption['migrationLoaderStrategies']>;
type Loader = Extract<LoaderStrategies[number]['loader'], (...args: never[]) => unknown>;

// node-pg-migrate exports its predefined loaders only from its per-file build, whose types name that
// build's own copy of MigrationBuilder; the loaders only read files, so the bundle's type fits them.
const predefinedLoaders = builtInLoaders as unknown as Record<keyof typeof builtInLoaders, Loader>;

export function runnerLogger(emit: (event: MigrationEvent) => void, runId: string) {
  const line = (level: LogLevel) => (message: unknown) => emit({ type: 'log', runId, level, message: String(message).trimEnd() });
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/**
 * runner() reads the folder itself and then takes `count` migrations from its own listing, so a
 * file that appeared after we planned would run in place of the plan. Hence runner() only ever
 * loads the files we planned from: its listing goes through these loaders, which drop anything else.
 * Why this and not another option: `file` takes a single name; `useGlob` with every path as a
 * pattern needs each name glob-escaped (brackets, braces, Windows separators); an ignorePattern
 * naming every other file is one regex of all names (about 1 s over 5,000 files); and loading only
 * the planned files would lose the shorthands earlier migrations define, which node-pg-migrate
 * hands to every later one. node-pg-migrate then picks from exactly the migrations we planned
 * from, and executeCommand checks what it reports having run against the plan.
 */
function loadersFor(dir: string, files: readonly MigrationFile[], logger: RunnerLogger): LoaderStrategies {
  const planned = new Set(files.map((f) => resolve(dir, f.file)));
  const keep = (path: string): boolean => {
    if (planned.has(path)) return true;
    logger.warn(`> Skipped ${basename(path)}: it appeared in the migrations folder after this run was planned.`);
    return false;
  };
  return migrationLoaderStrategies.map(({ extensions, loader }) => {
    const load = typeof loader === 'string' ? predefinedLoaders[loader] : loader;
    return { extensions, loader: (paths: string[]) => load(paths.filter(keep)) };
  });
}

/**
 * Options for one runner() call over `files`, the listing the plan was made from. Locking and
 * transactions are ours (see lock.ts and transactionalClient.ts): noLock, and singleTransaction so
 * every migration of the call shares one (savepointed) transaction, like node-pg-migrate's CLI default.
 */
export function runnerOptions(
  project: ProjectSettings,
  client: TransactionalClient,
  files: readonly MigrationFile[],
  direction: 'up' | 'down',
  count: number,
  logger: RunnerLogger,
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
    migrationLoaderStrategies: loadersFor(project.migrationsDir, files, logger),
  };
}
