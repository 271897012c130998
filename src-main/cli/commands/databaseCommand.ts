// The common frame of the commands that talk to a database: project, then connection, then the work.
import type { Command } from 'commander';
import type { ProjectInfo } from '../../contract';
import type { DatabaseTarget } from '../../core/migrations';
import type { CommandDeps } from './commandDeps';

export interface DatabaseCommandContext {
  project: ProjectInfo;
  target: DatabaseTarget;
  /** The database, named without its password. */
  label: string;
  json: boolean;
  verbose: boolean;
}

export async function withDatabase(deps: CommandDeps, command: Command, work: (context: DatabaseCommandContext) => Promise<number>): Promise<void> {
  const options = deps.shared.options(command);
  // The project first: a wrong --migrations-dir should not wait for a sandbox to start.
  const project = await deps.shared.project(command);
  const database = await deps.shared.database(command);
  deps.terminal.err(deps.terminal.errStyle.dim(`database: ${database.label} · migrations: ${project.settings.migrationsDir}`));
  deps.setExitCode(await work({ project, target: database.target, label: database.label, json: options.json, verbose: options.verbose }));
}
