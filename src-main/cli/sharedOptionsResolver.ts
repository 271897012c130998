// The one implementation of SharedOptionsResolver: options -> project, database and store, lazily.
import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import type { ProjectInfo, ProjectSettings } from '../contract';
import { defaultDataDir, openConnectionStore, type ConnectionStore } from '../core/connections';
import { loadProject } from '../core/migrations';
import { parseDatabaseUrl } from './databaseUrl';
import type { ResolvedDatabase, SharedOptions, SharedOptionsResolver } from './sharedOptions';
import type { Terminal } from './terminal';

export function createSharedOptionsResolver(terminal: Terminal, env: NodeJS.ProcessEnv = process.env): SharedOptionsResolver {
  let storePromise: Promise<ConnectionStore> | undefined;

  const options = (command: Command): SharedOptions => {
    const all = command.optsWithGlobals<Partial<SharedOptions>>();
    return {
      databaseUrl: all.databaseUrl,
      migrationsDir: all.migrationsDir ?? 'migrations',
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

  const store = (command: Command): Promise<ConnectionStore> => {
    const { dataDir, verbose } = options(command);
    const note = (line: string) => terminal.err(terminal.errStyle.dim(line));
    storePromise ??= openConnectionStore({
      dataDir: dataDir ? resolvePath(dataDir) : defaultDataDir(),
      onProgress: note,
      ...(verbose ? { onLog: (line: string) => note(`sandbox: ${line}`) } : {}),
    });
    return storePromise;
  };

  return {
    options,
    store,

    async project(command: Command): Promise<ProjectInfo> {
      const opts = options(command);
      const overrides: Partial<ProjectSettings> = {};
      if (opts.migrationsTable) overrides.migrationsTable = opts.migrationsTable;
      if (opts.migrationsSchema) overrides.migrationsSchema = opts.migrationsSchema;
      if (opts.schema) overrides.schema = opts.schema;
      if (!opts.checkOrder) overrides.checkOrder = false;
      // Without --migrations-dir, a config file may name the directory; otherwise ./migrations.
      const dirGiven = command.getOptionValueSourceWithGlobals('migrationsDir') === 'cli';
      const migrationsDir = dirGiven || !opts.configFile ? resolvePath(opts.migrationsDir) : undefined;
      return loadProject({ migrationsDir, configFile: opts.configFile ? resolvePath(opts.configFile) : undefined, overrides });
    },

    async database(command: Command): Promise<ResolvedDatabase> {
      const opts = options(command);
      const fromFlag = opts.databaseUrl;
      const fromEnv = env.DATABASE_URL;
      const url = fromFlag ?? (fromEnv ? fromEnv : undefined);
      if (url) {
        const parsed = parseDatabaseUrl(url, fromFlag ? '--database-url' : 'DATABASE_URL');
        terminal.masker.add(parsed.password);
        return { target: parsed.target, label: parsed.label, source: fromFlag ? 'flag' : 'env' };
      }
      const connections = await store(command);
      const list = await connections.list();
      const current = list.connections.find((c) => c.id === list.currentId);
      if (!current || current.isSandbox) terminal.err(terminal.errStyle.dim('starting the built-in sandbox database…'));
      const { profile, target } = await connections.resolve();
      if (typeof target.password === 'string') terminal.masker.add(target.password);
      const label = profile.isSandbox ? 'the built-in sandbox database' : `${profile.name} (${profile.user}@${profile.host}:${profile.port}/${profile.database})`;
      return { target, label, source: 'connection', connection: profile };
    },

    async close(): Promise<void> {
      const opened = storePromise;
      storePromise = undefined;
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
  };
}
