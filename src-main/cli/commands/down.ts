import { Option, type Command } from 'commander';
import { getStatus, runMigrations } from '../../core/migrations';
import { createRunProgress } from '../output/runProgress';
import { reportRun } from '../output/runReport';
import { parseCount, type CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';
import { selectionFrom } from './runSelection';

export function registerDown(program: Command, deps: CommandDeps): void {
  program
    .command('down')
    .description('revert applied migrations: the last one, the last N (--count), everything after one (--to), or all (--all)')
    .option('--count <n>', 'revert the last N applied migrations', parseCount)
    .option('--to <name>', 'revert every migration after this one, leaving it applied')
    .addOption(new Option('--all', 'revert every applied migration').conflicts(['count', 'to']))
    .action(async (options: { count?: number; to?: string; all?: boolean }, command: Command) => {
      // Checked before connecting: a usage error should not wait for a database.
      let selection = selectionFrom('down', options);
      await withDatabase(deps, command, async ({ project, target, json, verbose }) => {
        // "Everything" is the number applied right now; the engine's lock still guards the run itself.
        if (options.all) selection = selectionFrom('down', { count: Math.max(1, (await getStatus(target, project.settings)).appliedMigrations.length) });
        const response = await runMigrations(target, project.settings, selection, { onEvent: createRunProgress(deps.terminal, { verbose }) });
        return reportRun(deps.terminal, response, json);
      });
    });
}
