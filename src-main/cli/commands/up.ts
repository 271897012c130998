import type { Command } from 'commander';
import { reportRun } from '../output/runReport';
import { parseCount, type CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';
import { selectionFrom } from './runSelection';

export function registerUp(program: Command, deps: CommandDeps): void {
  program
    .command('up')
    .description('apply pending migrations: all, the next N (--count), or up to and including one (--to)')
    .option('--count <n>', 'apply only the next N pending migrations', parseCount)
    .option('--to <name>', 'apply up to and including this migration')
    .action(async (options: { count?: number; to?: string }, command: Command) => {
      // Checked before connecting: a usage error should not wait for a database.
      const selection = selectionFrom('up', options);
      await withDatabase(deps, command, async ({ api, json }) => reportRun(deps.terminal, await api.migrations.run({ selection }), json));
    });
}
