import type { RunTimeouts } from '../../contract';
import type { Command } from 'commander';
import { reportRun } from '../output/runReport';
import { parseCount, type CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';
import { lockTimeoutOption, runTimeoutsFrom, statementTimeoutOption } from './runTimeoutOptions';
import { confirmOptionDescription, confirmOptionFlags, withProductionConfirmation } from './productionConfirmation';
import { selectionFrom } from './runSelection';

export function registerUp(program: Command, deps: CommandDeps): void {
  program
    .command('up')
    .description('apply pending migrations: all, the next N (--count), or up to and including one (--to)')
    .option('--count <n>', 'apply only the next N pending migrations', parseCount)
    .option('--to <name>', 'apply up to and including this migration')
    .option(confirmOptionFlags, confirmOptionDescription)
    .addOption(lockTimeoutOption())
    .addOption(statementTimeoutOption())
    .action(async (options: { count?: number; to?: string; confirm?: string } & RunTimeouts, command: Command) => {
      // Checked before connecting: a usage error should not wait for a database.
      const selection = selectionFrom('up', options);
      await withDatabase(deps, command, async ({ api, json }) =>
        reportRun(deps.terminal, await withProductionConfirmation(options.confirm, deps.terminal, (confirm) => api.migrations.run({ selection, confirm, ...runTimeoutsFrom(options) })), json),
      );
    });
}
