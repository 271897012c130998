import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { appliedNames, tableNames } from './fixtures/databaseSnapshot';
import { createTableMigration, makeProject, type ProjectFixture } from './fixtures/projectFixture';
import { redoMigrations, runMigrations } from './index';

describe('redo with check-order off and an older pending file', () => {
  let db: TestDatabase;
  let project: ProjectFixture;
  const target = () => ({ connectionString: db.url });
  const checkOrderOff = () => ({ ...project.settings, checkOrder: false });

  beforeAll(async () => {
    db = await createTestDatabase();
    project = await makeProject({ '100_a.js': createTableMigration('a_table'), '300_c.js': createTableMigration('c_table') });
    await runMigrations(target(), project.settings, { direction: 'up' });
    // Merged from an older branch, not applied yet: it sorts before the last applied one.
    await project.write('200_b.js', createTableMigration('b_table'));
  });
  afterAll(async () => {
    await project?.cleanup();
    await db?.drop();
  });

  it('re-applies exactly what it reverted, or stops with everything rolled back; it never applies 200_b instead of 300_c', async () => {
    const refusal = await redoMigrations(target(), checkOrderOff(), 1).catch((e: unknown) => e);
    expect(refusal).toMatchObject({
      code: 'plan-changed',
      message: expect.stringContaining('Redo would re-apply 200_b instead of 300_c'),
      hint: expect.stringContaining('up --to 300_c'),
    });
    expect(await appliedNames(db.url)).toEqual(['100_a', '300_c']);
    expect(await tableNames(db.url)).toEqual(['a_table', 'c_table', 'pgmigrations']);
  });
});
