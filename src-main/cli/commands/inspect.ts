import type { Command } from 'commander';
import { formatTableDetail } from '../output/tableDetailText';
import type { CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';

/** `orders` (in the project's schema) or `billing.orders`; a quoted name may hold a dot: `"odd.name"`. */
export function parseTableName(given: string, defaultSchema: string): { schema: string; name: string } {
  const parts = given.match(/"(?:[^"]|"")*"|[^.]+/g)?.map((p) => (p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p)) ?? [];
  return parts.length >= 2 ? { schema: parts[0] ?? '', name: parts.slice(1).join('.') } : { schema: defaultSchema, name: parts[0] ?? given };
}

export function registerInspect(program: Command, deps: CommandDeps): void {
  program
    .command('inspect')
    .argument('<table>', 'a table, view or materialized view: name (in the project\'s schema) or schema.name')
    .option('--ddl', 'also print its reconstructed CREATE TABLE, indexes, comments, policies and triggers')
    .description('describe one table as psql \\d+ does: columns, indexes, constraints, foreign keys both ways, triggers, policies, partitions')
    .action(async (table: string, options: { ddl?: boolean }, command: Command) =>
      withDatabase(deps, command, async ({ api, project, json }) => {
        const detail = await api.schema.table(parseTableName(table, project.settings.schema));
        if (json) deps.terminal.json(detail);
        else for (const line of formatTableDetail(detail, deps.terminal.outStyle, { ddl: options.ddl === true })) deps.terminal.out(line);
        return 0;
      }),
    );
}
