import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { projectSettingsSchema, StudioError, type ProjectInfo, type ProjectSettings } from '../../contract';
import { readConfigFile } from './configFile';

export interface LoadProjectOptions {
  migrationsDir?: string;
  /** node-pg-migrate JSON config file (-f/--config-file). */
  configFile?: string;
  overrides?: Partial<ProjectSettings>;
}

/**
 * A project's settings: defaults, then the node-pg-migrate config file, then explicit overrides
 * (the CLI's flags), the same precedence node-pg-migrate's own CLI applies.
 */
export async function loadProject(options: LoadProjectOptions): Promise<ProjectInfo> {
  const configPath = options.configFile ? resolve(options.configFile) : null;
  const fromFile = configPath ? await readConfigFile(configPath) : {};
  // A relative migrations-dir in the config file is taken from the config file's folder (the project
  // root, which is node-pg-migrate's cwd in the usual `npx node-pg-migrate -f config.json`).
  const fileDir = fromFile.migrationsDir && configPath ? resolve(dirname(configPath), fromFile.migrationsDir) : undefined;
  const migrationsDir = resolve(options.overrides?.migrationsDir ?? options.migrationsDir ?? fileDir ?? 'migrations');
  const schema = options.overrides?.schema ?? fromFile.schema ?? 'public';
  const parsed = projectSettingsSchema.safeParse({
    migrationsDir,
    migrationsTable: options.overrides?.migrationsTable ?? fromFile.migrationsTable,
    // node-pg-migrate keeps its table in the (first) schema unless migrations-schema says otherwise.
    migrationsSchema: options.overrides?.migrationsSchema ?? fromFile.migrationsSchema ?? schema,
    schema,
    checkOrder: options.overrides?.checkOrder ?? fromFile.checkOrder,
  });
  if (!parsed.success) {
    throw new StudioError('invalid-project', `Invalid project settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, {
      hint: 'Check the migrations table and schema names (1 to 63 characters).',
    });
  }
  await assertDirectory(migrationsDir);
  return { settings: parsed.data, configFile: configPath };
}

async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new StudioError('invalid-project', `Migrations directory not found: ${dir}`, {
      hint: 'Pass --migrations-dir with the folder that holds your migration files (node-pg-migrate\'s default is ./migrations).',
    });
  }
}
