/** A setting's value and where it came from ("package.json script \"migrate:up\"", "config/default.json", ".env", "default"). */
export interface Sourced<T> {
  value: T;
  source: string;
}

/** The node-pg-migrate settings the app uses, as node-pg-migrate's CLI accumulates them (before its defaults). */
export interface SourcedSettings {
  migrationsDir?: Sourced<string>;
  migrationsTable?: Sourced<string>;
  migrationsSchema?: Sourced<string>;
  schema?: Sourced<string | string[]>;
  checkOrder?: Sourced<boolean>;
  migrationFileLanguage?: Sourced<string>;
  /** A URL, or a pg client config from a config file's section. */
  database?: Sourced<string | Record<string, unknown>>;
}

type Json = Record<string, unknown>;
/** The source of one key of a section (files of the `config` layout each set some keys). */
export type SourceOf = (key: string) => string;
const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const languages = new Set(['js', 'ts', 'sql', 'cjs', 'mjs', 'cts', 'mts']);

/**
 * node-pg-migrate's `applyIf`: a key present in the config section with a valid value wins over what
 * is already set (even a command-line flag); otherwise the earlier value stays.
 */
function applyIf<T>(current: Sourced<T> | undefined, json: Json, key: string, valid: (value: unknown) => value is T, source: SourceOf): Sourced<T> | undefined {
  if (!(key in json)) return current;
  const value = json[key];
  return valid(value) ? { value, source: source(key) } : current;
}

const isClientConfig = (json: Json) => Boolean(json.host || json.port || json.name || json.database);

/** node-pg-migrate's `readJson(section)` (bin/node-pg-migrate.ts), keeping the source of every setting it takes. */
export function applyConfigSection(settings: SourcedSettings, section: unknown, from: string | SourceOf): SourcedSettings {
  const source: SourceOf = typeof from === 'string' ? () => from : from;
  if (typeof section !== 'object' || section === null) {
    // A bare string section is the connection itself.
    if (settings.database === undefined && isString(section)) return { ...settings, database: { value: section, source: source('') } };
    return settings;
  }
  const json = section as Json;
  const next: SourcedSettings = {
    ...settings,
    schema: applyIf(settings.schema, json, 'schema', (v): v is string | string[] => Array.isArray(v) || (isString(v) && v.length > 0), source),
    migrationsDir: applyIf(settings.migrationsDir, json, 'migrations-dir', isString, source),
    migrationsSchema: applyIf(settings.migrationsSchema, json, 'migrations-schema', isString, source),
    migrationsTable: applyIf(settings.migrationsTable, json, 'migrations-table', isString, source),
    migrationFileLanguage: applyIf(settings.migrationFileLanguage, json, 'migration-file-language', (v): v is string => isString(v) && languages.has(v), source),
    checkOrder: applyIf(settings.checkOrder, json, 'check-order', isBoolean, source),
    database: applyIf(settings.database, json, 'database-url-var', (v): v is string | Json => isString(v) || (typeof v === 'object' && v !== null), source),
  };
  if ('url' in json && json.url) {
    next.database ??= isString(json.url) ? { value: json.url, source: source('url') } : undefined;
  } else if (isClientConfig(json) && !next.database) {
    next.database = {
      value: { user: json.user, host: json.host || 'localhost', database: json.name || json.database, password: json.password, port: json.port || 5432 },
      source: source('host'),
    };
  }
  return next;
}
