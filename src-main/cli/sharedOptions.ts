// What every pgm-studio command (serve included) gets from the options all commands share.
// The options are declared once on the program (see program.ts), so `serve` inherits them.
import type { Command } from 'commander';
import type { ConnectionSummary, ProjectInfo } from '../contract';
import type { ConnectionStore } from '../core/connections';
import type { DatabaseTarget } from '../core/migrations';

/** The program-wide options, parsed (`--database-url`, `--migrations-dir`, ...). */
export interface SharedOptions {
  databaseUrl?: string;
  migrationsDir: string;
  migrationsTable?: string;
  migrationsSchema?: string;
  schema?: string;
  configFile?: string;
  /** false with --no-check-order. */
  checkOrder: boolean;
  dataDir?: string;
  json: boolean;
  verbose: boolean;
}

/** Where a command connects, and how to name it in messages without leaking a password. */
export interface ResolvedDatabase {
  target: DatabaseTarget;
  /** e.g. postgres://user:***@host:5432/db, or the connection's name. */
  label: string;
  /** --database-url, the DATABASE_URL variable, or the data folder's current connection. */
  source: 'flag' | 'env' | 'connection';
  /** Set when source is 'connection' (the sandbox on a fresh machine). */
  connection?: ConnectionSummary;
}

/**
 * Lazy: nothing is opened until asked for, so `create` never starts the sandbox.
 * Every method takes the command being run (its action's last argument, or `this`).
 */
export interface SharedOptionsResolver {
  options(command: Command): SharedOptions;
  /** --migrations-dir (relative to cwd), -f/--config-file and the table/schema/check-order overrides. */
  project(command: Command): Promise<ProjectInfo>;
  /** --database-url, else DATABASE_URL, else the current connection (starts the sandbox if that is it). */
  database(command: Command): Promise<ResolvedDatabase>;
  /** The connection store on --data-dir (default: the app's data folder), opened once. */
  store(command: Command): Promise<ConnectionStore>;
  /** Close what was opened (stops a sandbox this process started) so the process can exit. */
  close(): Promise<void>;
}
