import type { RunTimeouts } from '../../contract';
import type { Command } from 'commander';
import { reportRun } from '../output/runReport';
import { parseCount, type CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';
import { lockTimeoutOption, runTimeoutsFrom, statementTimeoutOption } from './runTimeoutOptions';
import { confirmOptionDescription, confirmOptionFlags, withProductionConfirmation } from './productionConfirmation';

export function registerRedo(program: Command, deps: CommandDeps): void {
  program
    .command('redo')
    .description('revert the last applied migration (or last N) and apply it again')
    .option('--count <n>', 'redo the last N applied migrations', parseCount)
    .option(confirmOptionFlags, confirmOptionDescription)
    .addOption(lockTimeoutOption())
    .addOption(statementTimeoutOption())
    .action(async (options: { count?: number; confirm?: string } & RunTimeouts, command: Command) =>
      withDatabase(deps, command, async ({ api, json }) =>
        reportRun(deps.terminal, await withProductionConfirmation(options.confirm, deps.terminal, (confirm) => api.migrations.redo({ ...(options.count ? { count: options.count } : {}), confirm, ...runTimeoutsFrom(options) })), json),
      ),
    );
}
