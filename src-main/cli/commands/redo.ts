import type { Command } from 'commander';
import { redoMigrations } from '../../core/migrations';
import { createRunProgress } from '../output/runProgress';
import { reportRun } from '../output/runReport';
import { parseCount, type CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';

export function registerRedo(program: Command, deps: CommandDeps): void {
  program
    .command('redo')
    .description('revert the last applied migration (or last N) and apply it again')
    .option('--count <n>', 'redo the last N applied migrations', parseCount)
    .action(async (options: { count?: number }, command: Command) =>
      withDatabase(deps, command, async ({ project, target, json, verbose }) => {
        const response = await redoMigrations(target, project.settings, options.count ?? 1, { onEvent: createRunProgress(deps.terminal, { verbose }) });
        return reportRun(deps.terminal, response, json);
      }),
    );
}
