import type { RunTimeouts } from '../../contract';
import { Option, type Command } from 'commander';
import { reportRehearsal } from '../output/runReport';
import { parseCount, type CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';
import { lockTimeoutOption, runTimeoutsFrom, statementTimeoutOption } from './runTimeoutOptions';
import { selectionFrom } from './runSelection';

export function registerRehearse(program: Command, deps: CommandDeps): void {
  program
    .command('rehearse')
    .description('a real dry run: run up or down inside a transaction that is rolled back, and show the SQL')
    .addOption(new Option('--direction <direction>', 'which way to rehearse').choices(['up', 'down']).default('up'))
    .option('--count <n>', 'up: the next N pending; down: the last N applied (default 1)', parseCount)
    .option('--to <name>', 'up: up to and including this migration; down: everything after it')
    .addOption(lockTimeoutOption())
    .addOption(statementTimeoutOption())
    .action(async (options: { direction: 'up' | 'down'; count?: number; to?: string } & RunTimeouts, command: Command) => {
      // Checked before connecting: a usage error should not wait for a database.
      const selection = selectionFrom(options.direction, options);
      await withDatabase(deps, command, async ({ api, json }) => reportRehearsal(deps.terminal, await api.migrations.rehearse({ selection, ...runTimeoutsFrom(options) }), json));
    });
}
