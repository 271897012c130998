// `pgm-studio inspect`: one table's \d+ on a terminal, through the real binary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableDetail } from '../contract';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { parseTableName } from './commands/inspect';
import { spawnCli } from './testing/spawnCli';

describe('pgm-studio inspect', () => {
  let db: TestDatabase;
  const cli = (...args: string[]) => spawnCli([...args, '--migrations-dir', 'migrations'], { env: { DATABASE_URL: db.url } });

  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_cli');
    const up = await cli('up');
    expect(up.code, up.stderr).toBe(0);
  }, 180_000);
  afterAll(async () => db?.drop());

  it('prints user_preferences as \\d+ does, with every constraint the seed\'s pg_constraint query lists, and its DDL', async () => {
    const run = await cli('inspect', 'user_preferences', '--ddl');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Table "public.user_preferences"');
    const { rows } = await db.query<{ conname: string }>("SELECT conname FROM pg_constraint WHERE conrelid = 'user_preferences'::regclass");
    for (const { conname } of rows) expect(run.stdout).toContain(`"${conname}"`);
    expect(run.stdout).toMatch(/^CREATE TABLE public\.user_preferences \(/m);
  }, 180_000);

  it('--json gives the table view\'s data; an unknown table fails with a hint', async () => {
    const run = await cli('inspect', 'public.users', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json<TableDetail>().referencedBy.map((r) => r.table)).toContain('user_preferences');
    const missing = await cli('inspect', 'no_such_table');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/No table, view or materialized view named public\.no_such_table/);
    expect(missing.stderr).toMatch(/hint:/);
  }, 240_000);

  it('reads schema.name, a quoted name with a dot, and a bare name in the project\'s schema', () => {
    expect(parseTableName('orders', 'app')).toEqual({ schema: 'app', name: 'orders' });
    expect(parseTableName('billing.orders', 'app')).toEqual({ schema: 'billing', name: 'orders' });
    expect(parseTableName('"odd.schema"."a ""b"""', 'app')).toEqual({ schema: 'odd.schema', name: 'a "b"' });
  });
});
