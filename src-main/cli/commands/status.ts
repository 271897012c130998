import type { Command } from 'commander';
import type { MigrationStatusResponse } from '../../contract';
import { formatStatusTimeline } from '../output/statusTimeline';
import type { CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';

export function registerStatus(program: Command, deps: CommandDeps): void {
  program
    .command('status')
    .description('show every migration: applied (with run_on), pending, missing file, out of order or duplicate name')
    .action(async (_options: object, command: Command) =>
      withDatabase(deps, command, async ({ api, project, label, json }) => {
        const status = await api.migrations.status({});
        if (json) {
          const body: MigrationStatusResponse = { status, message: 'Migration status retrieved successfully' };
          deps.terminal.json(body);
        } else {
          for (const line of formatStatusTimeline(status, deps.terminal.outStyle, { database: label, migrationsDir: project.settings.migrationsDir })) deps.terminal.out(line);
        }
        return 0;
      }),
    );
}
