import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigrationEvent } from '../../contract';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { appliedNames, tableNames } from './fixtures/databaseSnapshot';
import { createTableMigration, makeProject, type ProjectFixture } from './fixtures/projectFixture';
import { runMigrations } from './index';

// Between planning (under the lock) and runner() listing the folder, something changes. The engine's
// run-started event fires exactly there, synchronously, so each race below is reproduced without sleeps.
describe('a run runs exactly the plan it computed', () => {
  let db: TestDatabase;
  let project: ProjectFixture;
  const target = () => ({ connectionString: db.url });
  /** Acts once, on the run's run-started event: after the plan, before runner() reads anything. */
  const onRunStarted = (act: () => void) => {
    let done = false;
    return (event: MigrationEvent) => {
      if (event.type !== 'run-started' || done) return;
      done = true;
      act();
    };
  };

  beforeEach(async () => {
    db = await createTestDatabase();
    project = await makeProject({
      '100_first.js': createTableMigration('first_table'),
      '200_planned.js': createTableMigration('planned_table'),
      '300_later.js': createTableMigration('later_table'),
    });
    await runMigrations(target(), project.settings, { direction: 'up', count: 1 });
  });
  afterEach(async () => {
    await project?.cleanup();
    await db?.drop();
  });

  it('a file added to the folder after planning is not run; the planned one is', async () => {
    const intruder = () => writeFileSync(join(project.dir, '150_early.js'), createTableMigration('intruder_table'));
    const events: MigrationEvent[] = [];
    const race = onRunStarted(intruder);
    const result = await runMigrations(target(), project.settings, { direction: 'up', to: '200_planned' }, { onEvent: (e) => (events.push(e), race(e)) });

    expect(result).toMatchObject({ success: true, message: 'Migrations executed successfully' });
    expect(result.results.map((r) => [r.name, r.success])).toEqual([['200_planned', true]]);
    expect(await appliedNames(db.url)).toEqual(['100_first', '200_planned']);
    expect(await tableNames(db.url)).not.toContain('intruder_table');
    expect(events).toContainEqual(expect.objectContaining({ type: 'log', level: 'warn', message: expect.stringContaining('Skipped 150_early.js') }));
  });

  it('a confirmed run does the same: the confirmed migration runs, the intruder does not', async () => {
    const intruder = () => writeFileSync(join(project.dir, '150_early.js'), createTableMigration('intruder_table'));
    const result = await runMigrations(target(), project.settings, { direction: 'up', count: 1 }, { expectedPlan: ['200_planned'], onEvent: onRunStarted(intruder) });

    expect(result.results.map((r) => r.name)).toEqual(['200_planned']);
    expect(await appliedNames(db.url)).toEqual(['100_first', '200_planned']);
    expect(await tableNames(db.url)).not.toContain('intruder_table');
  });

  it('when node-pg-migrate runs anything but the plan, the run fails loudly and changes nothing', async () => {
    // Another tool that ignores the advisory lock records 200_planned in the meantime, so
    // node-pg-migrate's own pick of "the next one" becomes 300_later.
    const recordBehindOurBack = () => {
      execFileSync('psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-qc', "INSERT INTO pgmigrations (name, run_on) VALUES ('200_planned', now())"], { timeout: 60_000 });
    };
    const outcome = await runMigrations(target(), project.settings, { direction: 'up', count: 1 }, { onEvent: onRunStarted(recordBehindOurBack) }).catch((e: unknown) => e);

    expect(outcome).toMatchObject({
      code: 'plan-changed',
      message: expect.stringMatching(/300_later.*200_planned|200_planned.*300_later/),
      detail: { plan: ['200_planned'], ran: ['300_later'] },
    });
    // Rolled back: only the row the other tool wrote is new, and 300_later's table does not exist.
    expect(await appliedNames(db.url)).toEqual(['100_first', '200_planned']);
    expect(await tableNames(db.url)).not.toContain('later_table');
  });
});
