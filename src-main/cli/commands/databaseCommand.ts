// The common frame of the commands that talk to a database: project, then connection, then the work,
// with the run's live progress on stderr while it lasts.
import type { Command } from 'commander';
import { isMigrationEvent, type ProjectInfo, type StudioApi } from '../../contract';
import { maskUrlPasswords } from '../../core/database';
import { createRunProgress } from '../output/runProgress';
import { interruptOnStopSignals } from '../stopSignals';
import type { CliStudio } from '../sharedOptions';
import type { Terminal } from '../terminal';
import type { CommandDeps } from './commandDeps';

export interface DatabaseCommandContext {
  api: StudioApi;
  project: ProjectInfo;
  /** The database, named without its password. */
  label: string;
  json: boolean;
}

/** --database-url / DATABASE_URL masked, else the data folder's current connection (the sandbox on a fresh machine). */
async function databaseLabel(studio: CliStudio, terminal: Terminal): Promise<string> {
  if (studio.databaseUrl) return maskUrlPasswords(studio.databaseUrl);
  const list = await studio.api.connections.list({});
  const current = list.connections.find((c) => c.id === list.currentId);
  if (!current || current.isSandbox) {
    terminal.err(terminal.errStyle.dim('starting the built-in sandbox database…'));
    return 'the built-in sandbox database';
  }
  return `${current.name} (${current.user}@${current.host}:${current.port}/${current.database})`;
}

export async function withDatabase(deps: CommandDeps, command: Command, work: (context: DatabaseCommandContext) => Promise<number>): Promise<void> {
  const { json, verbose } = deps.shared.options(command);
  const studio = deps.shared.studio(command);
  let done = false;
  const stopHandlers = interruptOnStopSignals({ terminal: deps.terminal, interruptRun: studio.interruptRun, isDone: () => done });
  // The project first: a wrong --migrations-dir should not wait for a sandbox to start.
  const { project } = await studio.api.app.info({});
  // Connect while the connection's label, the guards and the migrations folder are read: ready when the command asks.
  studio.warmConnection();
  const label = await databaseLabel(studio, deps.terminal);
  deps.terminal.err(deps.terminal.errStyle.dim(`database: ${label} · migrations: ${project.settings.migrationsDir}`));
  const progress = createRunProgress(deps.terminal, { verbose });
  const unsubscribe = studio.events.subscribe((event) => {
    if (isMigrationEvent(event)) progress(event);
  });
  try {
    deps.setExitCode(await work({ api: studio.api, project, label, json }));
    done = true;
  } finally {
    unsubscribe();
    stopHandlers();
  }
}
