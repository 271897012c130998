import yargsParser from 'yargs-parser';

/** The flags node-pg-migrate 9's CLI reads that decide where and how it migrates (bin/node-pg-migrate.ts). */
export interface NodePgMigrateArgs {
  /** up, down, redo or create (the first positional). */
  action?: string;
  databaseUrlVar: string;
  migrationsDir?: string;
  migrationsTable?: string;
  migrationsSchema?: string;
  schema?: string[];
  checkOrder?: boolean;
  configFile?: string;
  configValue: string;
  migrationFileLanguage?: string;
  envPath?: string;
}

// The same aliases and types as node-pg-migrate's yargs options, so `-m dir`, `--migrations-dir=dir`,
// `-s a b` and `--no-check-order` read exactly as node-pg-migrate reads them.
const parserOptions: yargsParser.Options = {
  alias: { 'database-url-var': ['d'], 'migrations-dir': ['m'], 'migrations-table': ['t'], schema: ['s'], 'config-file': ['f'], 'migration-file-language': ['j'] },
  string: [
    'database-url-var', 'migrations-dir', 'migrations-table', 'schema', 'migrations-schema', 'ignore-pattern', 'config-value', 'config-file',
    'migration-file-language', 'migration-filename-format', 'template-file-name', 'envPath', 'advisory-lock-mode', 'tsconfig-paths',
  ],
  boolean: ['use-glob', 'create-schema', 'create-migrations-schema', 'check-order', 'verbose', 'decamelize', 'dry-run', 'fake', 'single-transaction', 'lock', 'reject-unauthorized', 'timestamp'],
  array: ['schema'],
  number: ['lock-value'],
  configuration: { 'camel-case-expansion': false },
};

const lastString = (value: unknown): string | undefined => {
  const last: unknown = Array.isArray(value) ? value.at(-1) : value;
  return typeof last === 'string' ? last : undefined;
};

/** Read node-pg-migrate's command-line arguments (what follows `node-pg-migrate` in a script). */
export function parseNodePgMigrateArgs(args: readonly string[]): NodePgMigrateArgs {
  const argv = yargsParser([...args], parserOptions);
  const schema = argv.schema as unknown;
  const checkOrder = argv['check-order'] as unknown;
  return {
    action: argv._[0] === undefined ? undefined : String(argv._[0]),
    databaseUrlVar: lastString(argv['database-url-var']) || 'DATABASE_URL',
    migrationsDir: lastString(argv['migrations-dir']),
    migrationsTable: lastString(argv['migrations-table']),
    migrationsSchema: lastString(argv['migrations-schema']),
    schema: Array.isArray(schema) ? schema.map(String).filter((s) => s.length > 0) : undefined,
    checkOrder: typeof checkOrder === 'boolean' ? checkOrder : undefined,
    configFile: lastString(argv['config-file']),
    configValue: lastString(argv['config-value']) || 'db',
    migrationFileLanguage: lastString(argv['migration-file-language']),
    envPath: lastString(argv.envPath),
  };
}
