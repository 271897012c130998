import type { RunTimeouts } from '../../contract';
import { Option, type Command } from 'commander';
import { reportRun } from '../output/runReport';
import { parseCount, type CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';
import { lockTimeoutOption, runTimeoutsFrom, statementTimeoutOption } from './runTimeoutOptions';
import { confirmOptionDescription, confirmOptionFlags, withProductionConfirmation } from './productionConfirmation';
import { everyAppliedMigration, selectionFrom } from './runSelection';

export function registerDown(program: Command, deps: CommandDeps): void {
  program
    .command('down')
    .description('revert applied migrations: the last one, the last N (--count), everything after one (--to), or all (--all)')
    .option('--count <n>', 'revert the last N applied migrations', parseCount)
    .option('--to <name>', 'revert every migration after this one, leaving it applied')
    .addOption(new Option('--all', 'revert every applied migration').conflicts(['count', 'to']))
    .option(confirmOptionFlags, confirmOptionDescription)
    .addOption(lockTimeoutOption())
    .addOption(statementTimeoutOption())
    .action(async (options: { count?: number; to?: string; all?: boolean; confirm?: string } & RunTimeouts, command: Command) => {
      // Checked before connecting: a usage error should not wait for a database.
      const selection = selectionFrom('down', options.all ? { count: everyAppliedMigration } : options);
      await withDatabase(deps, command, async ({ api, json }) =>
        reportRun(deps.terminal, await withProductionConfirmation(options.confirm, deps.terminal, (confirm) => api.migrations.run({ selection, confirm, ...runTimeoutsFrom(options) })), json),
      );
    });
}
