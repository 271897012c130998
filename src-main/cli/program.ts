// The pgm-studio command line: shared options on the program (every command, serve included,
// inherits them), one file per command under commands/.
import { Command, Option } from 'commander';
import packageJson from '../../package.json';
import { registerBackupCommands } from './commands/backupCommands';
import { registerCreate } from './commands/create';
import type { CommandDeps } from './commands/commandDeps';
import { registerDown } from './commands/down';
import { registerInspect } from './commands/inspect';
import { registerRedo } from './commands/redo';
import { registerRehearse } from './commands/rehearse';
import { registerServe } from './commands/serve';
import { registerStatus } from './commands/status';
import { registerTestMigration } from './commands/testMigration';
import { registerUp } from './commands/up';

export function createProgram(deps: CommandDeps): Command {
  const program = new Command('pgm-studio')
    .description('Status, runs, rollbacks and rehearsals for node-pg-migrate projects, from the terminal.')
    .version(packageJson.version)
    // Usage errors are reported by main.ts (error + hint, exit 2), never by commander exiting on its own.
    .exitOverride()
    .configureOutput({ outputError: () => undefined })
    .configureHelp({ showGlobalOptions: true })
    .option('--database-url <url>', 'PostgreSQL URL (default: $DATABASE_URL, else the app\'s current connection, else the built-in sandbox); with a password, prefer DATABASE_URL or --database-url-file: the command line shows in `ps`')
    .option('--database-url-file <file>', 'read the PostgreSQL URL from the first line of this file')
    .option('--project <dir>', 'the project folder: its package.json scripts, config and .env give the node-pg-migrate settings (default: the current folder)')
    .option('--migrations-dir <dir>', 'migrations directory, relative to the current folder (default: the project\'s, else migrations)')
    .option('--migrations-table <name>', 'table that records applied migrations (default pgmigrations)')
    .option('--migrations-schema <name>', 'schema of the migrations table (default public)')
    .option('--schema <name>', 'schema the migrations run in (default public)')
    .option('-f, --config-file <file>', 'node-pg-migrate JSON config file')
    .option('--no-check-order', 'allow pending migrations older than the last applied one')
    .addOption(new Option('--data-dir <dir>', 'the app\'s data folder (saved connections, sandbox)').env('PGM_STUDIO_DATA_DIR'))
    .option('--json', 'print the result as JSON on stdout (progress and logs stay on stderr)', false)
    .option('--verbose', 'also print the engine\'s log lines (the SQL node-pg-migrate runs)', false);

  registerStatus(program, deps);
  registerUp(program, deps);
  registerDown(program, deps);
  registerRedo(program, deps);
  registerRehearse(program, deps);
  registerCreate(program, deps);
  registerTestMigration(program, deps);
  registerBackupCommands(program, deps);
  registerInspect(program, deps);
  registerServe(program, deps.shared, deps.terminal);
  return program;
}
