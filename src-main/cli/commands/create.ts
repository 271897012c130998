import { relative } from 'node:path';
import { Option, type Command } from 'commander';
import { newMigrationLanguages } from '../../contract';
import type { CommandDeps } from './commandDeps';

export function registerCreate(program: Command, deps: CommandDeps): void {
  program
    .command('create')
    .description('write a new {timestamp}_{name} migration with up and down steps')
    .argument('<name>', 'a snake_case name that says what changes, e.g. add_email_index_to_users')
    .addOption(new Option('--language <language>', 'file language').choices(newMigrationLanguages).default('js'))
    .action(async (name: string, options: { language: (typeof newMigrationLanguages)[number] }, command: Command) => {
      // No database: a broken DATABASE_URL in the environment must not stop writing a file.
      const { api } = deps.shared.studio(command, { database: false });
      // The engine refuses paths and non-snake_case names (invalid-name, exit 2) before writing anything.
      const created = await api.migrations.create({ name, language: options.language });
      const { terminal } = deps;
      for (const warning of created.warnings) terminal.err(`${terminal.errStyle.warn('warning:')} ${warning}`);
      if (deps.shared.options(command).json) terminal.json(created);
      else terminal.out(`${terminal.outStyle.ok('Created')} ${relative(process.cwd(), created.path) || created.path}`);
      deps.setExitCode(0);
    });
}
