import type { Command } from 'commander';
import { reportRun } from '../output/runReport';
import { parseCount, type CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';

export function registerRedo(program: Command, deps: CommandDeps): void {
  program
    .command('redo')
    .description('revert the last applied migration (or last N) and apply it again')
    .option('--count <n>', 'redo the last N applied migrations', parseCount)
    .action(async (options: { count?: number }, command: Command) =>
      withDatabase(deps, command, async ({ api, json }) =>
        reportRun(deps.terminal, await api.migrations.redo(options.count ? { count: options.count } : {}), json),
      ),
    );
}
