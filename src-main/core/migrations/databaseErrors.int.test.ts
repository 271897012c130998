import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { makeProject, type ProjectFixture } from './fixtures/projectFixture';
import { getStatus, planRun } from './index';

describe('PostgreSQL errors outside a migration', () => {
  let db: TestDatabase;
  let project: ProjectFixture;
  const role = `pgm_nopriv_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');

  beforeAll(async () => {
    db = await createTestDatabase();
    project = await makeProject({}, { copySample: true });
    await db.query('CREATE TABLE pgmigrations (id serial PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)');
    await db.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await db.query(`REVOKE ALL ON pgmigrations FROM ${role}`);
  });
  afterAll(async () => {
    await project?.cleanup();
    // Roles are cluster-wide: drop it (it owns nothing) before its database goes.
    await db?.query(`DROP ROLE IF EXISTS ${role}`);
    await db?.drop();
  });

  it('a user without privilege on pgmigrations gets a database-error with the SQLSTATE and a GRANT hint, not an internal error', async () => {
    const url = new URL(db.url);
    url.username = role;
    url.password = password;
    const target = { connectionString: url.toString() };
    for (const call of [() => getStatus(target, project.settings), () => planRun(target, project.settings, { direction: 'up' })]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'database-error', detail: { pgCode: '42501' }, hint: expect.stringContaining('GRANT') });
      expect((error as Error).message).toContain('permission denied');
      expect(JSON.stringify(error) + String((error as Error).message)).not.toContain(password);
    }
  });
});
