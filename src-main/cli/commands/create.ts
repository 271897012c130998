import { relative } from 'node:path';
import { Option, type Command } from 'commander';
import { StudioError } from '../../contract';
import { createMigration } from '../../core/migrations';
import type { CommandDeps } from './commandDeps';

export function registerCreate(program: Command, deps: CommandDeps): void {
  program
    .command('create')
    .description('write a new {timestamp}_{name} migration with up and down steps')
    .argument('<name>', 'a snake_case name that says what changes, e.g. add_email_index_to_users')
    .addOption(new Option('--language <language>', 'file language').choices(['js', 'ts', 'sql']).default('js'))
    .action(async (name: string, options: { language: 'js' | 'ts' | 'sql' }, command: Command) => {
      // The engine validates names too; refusing paths here as well keeps this door safe on its own.
      if (/[\\/]|\.\./.test(name)) {
        throw new StudioError('invalid-name', `"${name}" is not a migration name: it contains a path.`, { hint: 'Use a snake_case name such as add_email_index_to_users.' });
      }
      const project = await deps.shared.project(command);
      const created = await createMigration(project.settings, { name, language: options.language });
      const { terminal } = deps;
      for (const warning of created.warnings) terminal.err(`${terminal.errStyle.warn('warning:')} ${warning}`);
      if (deps.shared.options(command).json) terminal.json(created);
      else terminal.out(`${terminal.outStyle.ok('Created')} ${relative(process.cwd(), created.path) || created.path}`);
      deps.setExitCode(0);
    });
}
