import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { snapshotDatabase } from './fixtures/databaseSnapshot';
import { createTableMigration, makeProject, type ProjectFixture } from './fixtures/projectFixture';
import { getStatus, planRun, redoMigrations, rehearse, runMigrations } from './index';

describe('two migration files with one name', () => {
  let db: TestDatabase;
  let project: ProjectFixture;
  const target = () => ({ connectionString: db.url });

  beforeAll(async () => {
    db = await createTestDatabase();
    project = await makeProject({ '100_first.js': createTableMigration('first_table'), '200_same.js': createTableMigration('same_js') });
    await runMigrations(target(), project.settings, { direction: 'up', count: 1 });
    // A second file with the name of a pending one (node-pg-migrate would run both and record 200_same twice).
    await project.write('200_same.sql', 'CREATE TABLE same_sql (id int);');
  });
  afterAll(async () => {
    await project?.cleanup();
    await db?.drop();
  });

  it('status flags the name as an error naming both files', async () => {
    const status = await getStatus(target(), project.settings);
    expect(status.migrations.map((m) => [m.name, m.state, m.duplicateFiles])).toEqual([
      ['100_first', 'applied', undefined],
      ['200_same', 'duplicate-name', ['200_same.js', '200_same.sql']],
    ]);
  });

  it('every run and plan refuses to start, naming both files with the hint, and changes nothing', async () => {
    const before = await snapshotDatabase(db.url);
    const attempts: [string, () => Promise<unknown>][] = [
      ['up', () => runMigrations(target(), project.settings, { direction: 'up' })],
      ['down', () => runMigrations(target(), project.settings, { direction: 'down' })],
      ['redo', () => redoMigrations(target(), project.settings, 1)],
      ['rehearse up', () => rehearse(target(), project.settings, { direction: 'up' })],
      ['rehearse down', () => rehearse(target(), project.settings, { direction: 'down' })],
      ['plan', () => planRun(target(), project.settings, { direction: 'up' })],
    ];
    for (const [what, attempt] of attempts) {
      const refusal = await attempt().then(() => null, (e: unknown) => e);
      expect(refusal, what).toMatchObject({
        code: 'invalid-project',
        message: expect.stringContaining('200_same.js and 200_same.sql'),
        hint: expect.stringMatching(/^Rename one of them/),
      });
    }
    expect(await snapshotDatabase(db.url)).toEqual(before);
  });
});
