import { readFile } from 'node:fs/promises';
import { StudioError, type ProjectSettings } from '../../contract';

/** The settings a node-pg-migrate config file can carry, as the project uses them. */
export type ConfigFileSettings = Partial<Pick<ProjectSettings, 'migrationsDir' | 'migrationsTable' | 'migrationsSchema' | 'schema' | 'checkOrder'>>;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** node-pg-migrate spells keys `migrations-dir`; JS configs often say `migrationsDir`. Accept both. */
function pick(json: Json, kebab: string): unknown {
  const camel = kebab.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return json[kebab] ?? json[camel];
}

function stringSetting(json: Json, key: string): string | undefined {
  const value = pick(json, key);
  if (value === undefined) return undefined;
  // node-pg-migrate allows a list of schemas; the first is where it creates objects and its table.
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  if (typeof value === 'string' && value.length > 0) return value;
  throw new StudioError('invalid-project', `Config file setting "${key}" must be a non-empty string.`, { hint: `Fix "${key}" in the config file.` });
}

/**
 * Reads a node-pg-migrate JSON config file. Like node-pg-migrate (`--config-value`, default `db`),
 * settings may sit at the top level or under a `db` section.
 */
export async function readConfigFile(path: string): Promise<ConfigFileSettings> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new StudioError('invalid-project', `Cannot read the config file ${path}: ${reason}`, {
      hint: 'Pass a JSON node-pg-migrate config file (e.g. {"migrations-dir": "migrations", "migrations-table": "pgmigrations"}) or omit --config-file.',
    });
  }
  if (!isObject(json)) {
    throw new StudioError('invalid-project', `The config file ${path} is not a JSON object.`, { hint: 'The file must contain a JSON object of node-pg-migrate settings.' });
  }
  const section = isObject(json.db) ? json.db : json;
  const checkOrder = pick(section, 'check-order');
  if (checkOrder !== undefined && typeof checkOrder !== 'boolean') {
    throw new StudioError('invalid-project', 'Config file setting "check-order" must be true or false.', { hint: 'Fix "check-order" in the config file.' });
  }
  const settings: ConfigFileSettings = {
    migrationsDir: stringSetting(section, 'migrations-dir'),
    migrationsTable: stringSetting(section, 'migrations-table'),
    migrationsSchema: stringSetting(section, 'migrations-schema'),
    schema: stringSetting(section, 'schema'),
    checkOrder: checkOrder as boolean | undefined,
  };
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as ConfigFileSettings;
}
