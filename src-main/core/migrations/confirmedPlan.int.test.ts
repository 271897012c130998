import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { appliedNames } from './fixtures/databaseSnapshot';
import { makeProject, sampleNames, type ProjectFixture } from './fixtures/projectFixture';
import { planRun, runMigrations } from './index';

describe('a run bound to the plan the operator confirmed', () => {
  let db: TestDatabase;
  let project: ProjectFixture;
  const target = () => ({ connectionString: db.url });

  beforeAll(async () => {
    db = await createTestDatabase();
    project = await makeProject({}, { copySample: true });
  });
  afterAll(async () => {
    await project?.cleanup();
    await db?.drop();
  });

  it('runs nothing when the plan changed since it was confirmed, and runs when it still matches', async () => {
    const confirmed = await planRun(target(), project.settings, { direction: 'up' });
    expect(confirmed.migrations).toEqual(sampleNames);
    // Between the dialog and the click, someone else applies the first migration.
    await runMigrations(target(), project.settings, { direction: 'up', count: 1 });

    const stale = await runMigrations(target(), project.settings, { direction: 'up' }, { expectedPlan: confirmed.migrations }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'plan-changed', hint: expect.stringContaining('confirm again'), detail: { plan: sampleNames.slice(1), confirmed: sampleNames } });
    expect(await appliedNames(db.url)).toEqual(sampleNames.slice(0, 1));

    const fresh = await planRun(target(), project.settings, { direction: 'up' });
    const run = await runMigrations(target(), project.settings, { direction: 'up' }, { expectedPlan: fresh.migrations });
    expect(run.success).toBe(true);
    expect(await appliedNames(db.url)).toEqual(sampleNames);
  });
});
