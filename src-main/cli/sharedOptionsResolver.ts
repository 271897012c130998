// The one implementation of SharedOptionsResolver: options -> the shared handlers, built lazily.
import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { channelNames, createStudioApi, type ProjectSettings } from '../contract';
import { defaultDataDir } from '../core/connections';
import { createStudio, type Studio } from '../handlers/createStudio';
import type { ProcessLog } from '../handlers/errorShape';
import { createRouter } from '../handlers/router';
import type { CliStudio, CommandStudioOptions, SharedOptions, SharedOptionsResolver } from './sharedOptions';
import { hasPassword, secretFrom, warnSecretOnCommandLine } from './secretOptions';
import type { Terminal } from './terminal';

export function createSharedOptionsResolver(terminal: Terminal, env: NodeJS.ProcessEnv = process.env): SharedOptionsResolver {
  let studio: Studio | undefined;
  let cliStudio: CliStudio | undefined;
  const note = (line: string) => terminal.err(terminal.errStyle.dim(line));
  // The router keeps an unexpected error's details out of the envelope; the operator still sees its
  // message here (masked by the terminal), never a stack.
  const log: ProcessLog = (message, error) => note(error instanceof Error ? `${message}: ${error.message}` : message);

  const options = (command: Command): SharedOptions => {
    const all = command.optsWithGlobals<Partial<SharedOptions>>();
    return {
      databaseUrl: all.databaseUrl,
      databaseUrlFile: all.databaseUrlFile,
      project: all.project,
      migrationsDir: all.migrationsDir,
      migrationsTable: all.migrationsTable,
      migrationsSchema: all.migrationsSchema,
      schema: all.schema,
      configFile: all.configFile,
      checkOrder: all.checkOrder ?? true,
      dataDir: all.dataDir,
      json: all.json ?? false,
      verbose: all.verbose ?? false,
    };
  };

  let warnedAboutPassword = false;
  const databaseUrlOf = (opts: SharedOptions): string | undefined => {
    if (opts.databaseUrl && hasPassword(opts.databaseUrl) && !warnedAboutPassword) {
      warnedAboutPassword = true;
      warnSecretOnCommandLine(terminal, 'a password in --database-url', 'Pass the URL in the DATABASE_URL environment variable or with --database-url-file FILE instead.');
    }
    return secretFrom('--database-url', opts.databaseUrl, opts.databaseUrlFile) ?? (env.DATABASE_URL || undefined);
  };

  const studioOptions = (command: Command): CommandStudioOptions => {
    const opts = options(command);
    const projectOverrides: Partial<ProjectSettings> = {};
    if (opts.migrationsTable) projectOverrides.migrationsTable = opts.migrationsTable;
    if (opts.migrationsSchema) projectOverrides.migrationsSchema = opts.migrationsSchema;
    if (opts.schema) projectOverrides.schema = opts.schema;
    if (!opts.checkOrder) projectOverrides.checkOrder = false;
    // Without --migrations-dir, the project says (its package.json script, its config file), else ./migrations.
    return {
      dataDir: opts.dataDir ? resolvePath(opts.dataDir) : defaultDataDir(),
      projectDir: resolvePath(opts.project ?? '.'),
      migrationsDir: opts.migrationsDir ? resolvePath(opts.migrationsDir) : undefined,
      configFile: opts.configFile ? resolvePath(opts.configFile) : undefined,
      projectOverrides,
      databaseUrl: databaseUrlOf(opts),
      // Where the up-down-up test (test-migration, the editor) makes scratch databases, when not the sandbox: a role that may create databases.
      ...(env.PGM_STUDIO_SCRATCH_URL ? { scratchServer: { connectionString: env.PGM_STUDIO_SCRATCH_URL } } : {}),
    };
  };

  return {
    options,
    studioOptions,

    studio(command, use = { database: true }): CliStudio {
      if (cliStudio) return cliStudio;
      const settings = studioOptions(command);
      const databaseUrl = use.database ? settings.databaseUrl : undefined;
      if (databaseUrl) terminal.masker.addUrlPassword(databaseUrl);
      if (settings.scratchServer?.connectionString) terminal.masker.addUrlPassword(settings.scratchServer.connectionString);
      const { verbose } = options(command);
      studio = createStudio({
        ...settings,
        databaseUrl,
        door: 'cli',
        log,
        connectionProgress: { onProgress: note, ...(verbose ? { onLog: (line: string) => note(`sandbox: ${line}`) } : {}) },
      });
      const { dispatch } = createRouter(studio.handlers, log);
      cliStudio = { api: createStudioApi(channelNames, dispatch, studio.events.subscribe), events: studio.events, databaseUrl, interruptRun: studio.interruptRun, warmConnection: studio.warmConnection };
      return cliStudio;
    },

    async close(): Promise<void> {
      const opened = studio;
      studio = undefined;
      cliStudio = undefined;
      await opened?.close();
    },
  };
}
