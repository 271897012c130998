// What every pgm-studio command (serve included) gets from the options all commands share.
// The options are declared once on the program (see program.ts), so `serve` inherits them.
import type { Command } from 'commander';
import type { StudioApi } from '../contract';
import type { StudioOptions } from '../handlers/createStudio';
import type { EventBus } from '../handlers/eventBus';

/** The program-wide options, parsed (`--database-url`, `--migrations-dir`, ...). */
export interface SharedOptions {
  databaseUrl?: string;
  /** --database-url-file: the URL read from a file, out of the process list. */
  databaseUrlFile?: string;
  /** --project: the project folder (default: the current folder). */
  project?: string;
  /** Unset: the project's own setting (its package.json script, config, else ./migrations). */
  migrationsDir?: string;
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

/** The shared options as createStudio takes them: paths resolved against the current folder. */
export type CommandStudioOptions = Pick<StudioOptions, 'dataDir' | 'projectDir' | 'migrationsDir' | 'configFile' | 'projectOverrides' | 'databaseUrl' | 'scratchServer'>;

/** The shared handlers as a command calls them: every call goes through the router, like the other doors. */
export interface CliStudio {
  /** Typed channels; a failure arrives as a thrown StudioError (the router's envelope, unwrapped). */
  api: StudioApi;
  /** Live run progress and log lines. */
  events: EventBus;
  /** --database-url, else DATABASE_URL; unset means the data folder's current connection (the sandbox at first). */
  databaseUrl?: string;
  /** Interrupts the run in progress (Ctrl-C); resolves when it has rolled back. False when none was running. */
  interruptRun(): Promise<boolean>;
  /** See Studio.warmConnection. */
  warmConnection(): void;
}

/**
 * Lazy: nothing is opened until a channel needs it, so `create` never starts the sandbox.
 * Every method takes the command being run (its action's last argument, or `this`).
 */
export interface SharedOptionsResolver {
  options(command: Command): SharedOptions;
  /** --migrations-dir (relative to cwd), -f/--config-file, the overrides, --data-dir and the database URL. */
  studioOptions(command: Command): CommandStudioOptions;
  /** The studio of this process, built once. `database: false` leaves the URL out (a command that never connects). */
  studio(command: Command, use?: { database: boolean }): CliStudio;
  /** Close what was opened (stops a sandbox this process started) so the process can exit. */
  close(): Promise<void>;
}
