import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { projectSettingsSchema, StudioError, type ProjectInfo, type ProjectOrigins, type ProjectSettings, type SettingOrigin } from '../../contract';
import { maskUrlPasswords } from '../database';
import { readConfigFileSection } from './configFile';
import { readConfigPackageSection, usesConfigPackage } from './configPackage';
import { databaseUrlFromEnv } from './dotenvFile';
import { parseNodePgMigrateArgs, type NodePgMigrateArgs } from './nodePgMigrateArgs';
import { nodePgMigrateScripts, type NodePgMigrateScript } from './packageScripts';
import { applyConfigSection, type Sourced, type SourcedSettings } from './sourcedSettings';

export interface ReadProjectOptions {
  /** The project folder (default: the current folder). */
  root?: string;
  /** pgm-studio's own -f/--config-file, instead of the script's. */
  configFile?: string;
  /** Settings given to pgm-studio itself (its command-line flags): over everything the project says. */
  overrides?: Partial<ProjectSettings>;
  /** The environment node-pg-migrate would see (default: this process's). */
  env?: Record<string, string | undefined>;
}

export interface ProjectRead {
  info: ProjectInfo;
  /** The project's own database URL, unmasked: only for connecting, never for display. */
  databaseUrl?: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

async function readPackageJson(root: string): Promise<Json | undefined> {
  let text: string;
  try {
    text = await readFile(resolve(root, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const json: unknown = JSON.parse(text);
    return isObject(json) ? json : undefined;
  } catch (error) {
    throw new StudioError('invalid-project', `Cannot read ${resolve(root, 'package.json')}: ${(error as Error).message}`, { hint: 'Fix the JSON in package.json.' });
  }
}

/** The script `npm run migrate:up` would run: an `up` call first, then down/redo, then any (create only for the file language). */
function preferredScripts(scripts: NodePgMigrateScript[]): { run?: NodePgMigrateScript & { argv: NodePgMigrateArgs }; create?: NodePgMigrateScript & { argv: NodePgMigrateArgs } } {
  const parsed = scripts.map((script) => ({ ...script, argv: parseNodePgMigrateArgs(script.args) }));
  const byAction = (...actions: string[]) => parsed.find((script) => actions.includes(script.argv.action ?? ''));
  return { run: byAction('up') ?? byAction('down', 'redo') ?? byAction('create') ?? parsed[0], create: byAction('create') };
}

/** A pg client config from a config section, as a URL the connection layer takes. */
function connectionUrl(database: string | Record<string, unknown>): string | undefined {
  if (typeof database === 'string') return database;
  if (typeof database.host !== 'string' || typeof database.database !== 'string') return undefined;
  const user = typeof database.user === 'string' ? encodeURIComponent(database.user) : '';
  const password = typeof database.password === 'string' ? `:${encodeURIComponent(database.password)}` : '';
  const auth = user ? `${user}${password}@` : '';
  return `postgres://${auth}${database.host}:${Number(database.port) || 5432}/${encodeURIComponent(database.database)}`;
}

/**
 * A project's node-pg-migrate settings read the way node-pg-migrate 9's CLI reads them
 * (bin/node-pg-migrate.ts), with where each came from: the flags of the package.json script that
 * calls it, then the `config` package's section, then the -f config file's section (a key present
 * there wins over a flag, as in node-pg-migrate), then defaults; DATABASE_URL (or -d) from the
 * environment or .env. pgm-studio's own flags (`overrides`) win over all of it.
 */
export async function readProject(options: ReadProjectOptions = {}): Promise<ProjectRead> {
  const root = await projectRoot(options.root ?? process.cwd());
  const packageJson = await readPackageJson(root);
  const { run, create } = preferredScripts(nodePgMigrateScripts(isObject(packageJson?.scripts) ? packageJson.scripts : {}));
  const argv = run?.argv ?? parseNodePgMigrateArgs([]);
  const env = { ...(options.env ?? process.env), ...run?.env };
  const fromScript = `package.json script "${run?.name ?? ''}"`;
  const flag = <T>(value: T | undefined): Sourced<T> | undefined => (value === undefined ? undefined : { value, source: fromScript });

  let sourced: SourcedSettings = {
    migrationsDir: flag(argv.migrationsDir),
    migrationsTable: flag(argv.migrationsTable),
    migrationsSchema: flag(argv.migrationsSchema),
    schema: flag(argv.schema),
    checkOrder: flag(argv.checkOrder),
    migrationFileLanguage: flag(argv.migrationFileLanguage) ?? (create?.argv.migrationFileLanguage ? { value: create.argv.migrationFileLanguage, source: `package.json script "${create.name}"` } : undefined),
  };
  // DATABASE_URL first: node-pg-migrate sets it before the config files, which only fill it when unset.
  const fromEnv = await databaseUrlFromEnv(root, argv.databaseUrlVar, argv.envPath, env);
  if (fromEnv) sourced.database = fromEnv;
  if (usesConfigPackage(root, packageJson)) {
    const section = await readConfigPackageSection(root, argv.configValue, env);
    if (section) sourced = applyConfigSection(sourced, section.value, section.source);
  }
  const configFile = options.configFile ? resolve(options.configFile) : argv.configFile ? resolve(root, argv.configFile) : null;
  if (configFile) {
    const label = options.configFile ? `${configFile} (--config-file)` : `${argv.configFile} (-f in ${fromScript})`;
    sourced = applyConfigSection(sourced, await readConfigFileSection(configFile, argv.configValue), label);
  }
  const { settings, origins } = settle(root, sourced, options.overrides ?? {});
  await assertDirectory(settings.migrationsDir, origins.migrationsDir.source);
  const databaseUrl = sourced.database ? connectionUrl(sourced.database.value) : undefined;
  const name = typeof packageJson?.name === 'string' && packageJson.name ? packageJson.name : basename(root);
  return {
    info: {
      root,
      name,
      settings,
      origins: { ...origins, databaseUrl: databaseUrl && sourced.database ? { value: maskUrlPasswords(databaseUrl), source: sourced.database.source } : null },
      script: run?.name ?? null,
      configFile,
    },
    ...(databaseUrl ? { databaseUrl } : {}),
  };
}

const commandLine = 'pgm-studio command line';
const fallback = (value: string): SettingOrigin => ({ value, source: 'default' });
const shown = <T>(setting: Sourced<T> | undefined, show: (value: T) => string): SettingOrigin | undefined =>
  setting ? { value: show(setting.value), source: setting.source } : undefined;

/** node-pg-migrate's defaults, then pgm-studio's own flags on top; validated. */
function settle(root: string, sourced: SourcedSettings, overrides: Partial<ProjectSettings>): { settings: ProjectSettings; origins: Omit<ProjectOrigins, 'databaseUrl'> } {
  const given = (key: keyof ProjectSettings): SettingOrigin | undefined => {
    const value = overrides[key];
    return value === undefined ? undefined : { value: String(value), source: commandLine };
  };
  const schemas = sourced.schema ? [sourced.schema.value].flat() : [];
  const schemaOrigin = given('schema') ?? shown(sourced.schema, (value) => [value].flat().join(', ')) ?? fallback('public');
  const schema = overrides.schema ?? schemas[0] ?? 'public';
  const migrationsDir = overrides.migrationsDir ?? resolve(root, sourced.migrationsDir?.value ?? 'migrations');
  const origins: Omit<ProjectOrigins, 'databaseUrl'> = {
    migrationsDir: { value: migrationsDir, source: given('migrationsDir')?.source ?? sourced.migrationsDir?.source ?? 'default' },
    migrationsTable: given('migrationsTable') ?? shown(sourced.migrationsTable, String) ?? fallback('pgmigrations'),
    // node-pg-migrate keeps its table in the (first) schema unless migrations-schema says otherwise.
    migrationsSchema: given('migrationsSchema') ?? shown(sourced.migrationsSchema, String) ?? { value: schema, source: `same as schema (${schemaOrigin.source})` },
    schema: schemaOrigin,
    checkOrder: given('checkOrder') ?? shown(sourced.checkOrder, String) ?? fallback('true'),
    migrationFileLanguage: shown(sourced.migrationFileLanguage, String) ?? { value: 'js', source: 'default (or the last migration\'s)' },
  };
  const parsed = projectSettingsSchema.safeParse({
    migrationsDir,
    migrationsTable: overrides.migrationsTable ?? sourced.migrationsTable?.value,
    migrationsSchema: overrides.migrationsSchema ?? sourced.migrationsSchema?.value ?? schema,
    schema,
    checkOrder: overrides.checkOrder ?? sourced.checkOrder?.value,
  });
  if (!parsed.success) {
    throw new StudioError('invalid-project', `Invalid project settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, {
      hint: 'Check the migrations table and schema names (1 to 63 characters).',
    });
  }
  return { settings: parsed.data, origins };
}

async function projectRoot(dir: string): Promise<string> {
  const path = resolve(dir);
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) {
    throw new StudioError('invalid-project', `Project folder not found: ${path}`, { hint: 'Open the folder that holds your package.json (or your migrations folder\'s parent).' });
  }
  return realpath(path);
}

async function assertDirectory(dir: string, source: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new StudioError('invalid-project', `Migrations directory not found: ${dir} (from ${source})`, {
      hint: 'Pass --migrations-dir with the folder that holds your migration files (node-pg-migrate\'s default is ./migrations), or fix the project\'s node-pg-migrate settings.',
    });
  }
}
