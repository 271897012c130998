import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedOptionsResolver } from './sharedOptionsResolver';
import { Terminal } from './terminal';

const sampleMigrations = fileURLToPath(new URL('../../migrations', import.meta.url));
const silent = { write: () => true };

function parsed(args: string[]): Command {
  const command = new Command()
    .option('--database-url <url>')
    .option('--migrations-dir <dir>', '', 'migrations')
    .option('--migrations-table <name>')
    .option('--data-dir <dir>');
  return command.parse(args, { from: 'user' });
}

describe('the CLI studio', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pgm-cli-resolver-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('is the shared handlers behind the router, answering as the cli door', async () => {
    const shared = createSharedOptionsResolver(new Terminal(silent, silent), {});
    const command = parsed(['--migrations-dir', sampleMigrations, '--migrations-table', 'schema_history', '--data-dir', dataDir]);
    try {
      const info = await shared.studio(command).api.app.info({});
      expect(info).toMatchObject({ door: 'cli', project: { settings: { migrationsDir: sampleMigrations, migrationsTable: 'schema_history' } } });
      // The router's zod check refuses it before any handler (or database) is reached.
      const run = shared.studio(command).api.migrations.run as (input: unknown) => Promise<unknown>;
      await expect(run({ selection: { direction: 'sideways' } })).rejects.toMatchObject({ name: 'StudioError', code: 'invalid-input', hint: expect.any(String) });
    } finally {
      await shared.close();
    }
  });

  it('takes DATABASE_URL only for commands that connect', async () => {
    const env = { DATABASE_URL: 'mysql://someone:hunter22@db/app' };
    const command = parsed(['--migrations-dir', sampleMigrations, '--data-dir', dataDir]);
    const forCreate = createSharedOptionsResolver(new Terminal(silent, silent), env);
    expect(forCreate.studio(command, { database: false }).databaseUrl).toBeUndefined();
    await forCreate.close();
    const forStatus = createSharedOptionsResolver(new Terminal(silent, silent), env);
    expect(() => forStatus.studio(command)).toThrowError(expect.objectContaining({ code: 'invalid-input', hint: expect.stringContaining('postgres://') }));
    await forStatus.close();
  });
});
