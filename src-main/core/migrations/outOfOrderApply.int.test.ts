import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { appliedNames } from './fixtures/databaseSnapshot';
import { createTableMigration, makeProject, type ProjectFixture } from './fixtures/projectFixture';
import { runMigrations } from './index';

describe('after a migration was applied out of order with check-order off', () => {
  let db: TestDatabase;
  let project: ProjectFixture;
  const target = () => ({ connectionString: db.url });
  const checkOrderOff = () => ({ ...project.settings, checkOrder: false });

  beforeAll(async () => {
    db = await createTestDatabase();
    project = await makeProject({ '100_a.js': createTableMigration('a_table'), '300_c.js': createTableMigration('c_table') });
    await runMigrations(target(), project.settings, { direction: 'up' });
    // Merged from an older branch, then applied with --no-check-order.
    await project.write('200_b.js', createTableMigration('b_table'));
    await runMigrations(target(), checkOrderOff(), { direction: 'up' });
  });
  afterAll(async () => {
    await project?.cleanup();
    await db?.drop();
  });

  it('down with check-order on calls 200_b applied, not pending, and its hint gets the order back', async () => {
    expect(await appliedNames(db.url)).toEqual(['100_a', '300_c', '200_b']);
    const refusal = await runMigrations(target(), project.settings, { direction: 'down' }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({
      code: 'out-of-order',
      message: expect.stringMatching(/^Migration 200_b was applied out of order: after 300_c/),
      hint: expect.stringContaining('down --count 2 --no-check-order'),
    });
    expect((refusal as Error).message).not.toMatch(/pending/i);
    expect(await appliedNames(db.url)).toEqual(['100_a', '300_c', '200_b']);

    // What the hint says: revert the last two with check-order off, then a plain up.
    await runMigrations(target(), checkOrderOff(), { direction: 'down', count: 2 });
    expect((await runMigrations(target(), project.settings, { direction: 'up' })).success).toBe(true);
    expect(await appliedNames(db.url)).toEqual(['100_a', '200_b', '300_c']);
  });
});
