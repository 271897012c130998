// Failures that used to be told wrong through the real binary: the exit code, and ✓ lines that did not stay.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationRunResponse } from '../contract';
import { deferredForeignKeyFailure, makeProject, type ProjectFixture } from '../core/migrations/fixtures/projectFixture';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { spawnCli } from './testing/spawnCli';

describe('pgm-studio when a command fails after its migrations ran', () => {
  let db: TestDatabase;
  let project: ProjectFixture;

  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_cli_fail');
  });
  afterEach(async () => project?.cleanup());
  afterAll(async () => db?.drop());

  it('a deferred foreign key failing at COMMIT: exit 1, the failure in the JSON, and the ✓ lines marked rolled back', async () => {
    project = await makeProject(deferredForeignKeyFailure);
    const run = await spawnCli(['up', '--json', '--database-url', db.url, '--migrations-dir', project.dir]);
    expect(run.code, run.stderr).toBe(1);
    const body = run.json<MigrationRunResponse>();
    expect(body.success).toBe(false);
    expect(body.failure).toMatchObject({ atCommit: true, pgCode: '23503' });
    expect(body.results.every((r) => r.rolledBack)).toBe(true);
    // Progress showed ✓ for both while they ran; the end says they did not stay.
    expect(run.stderr).toMatch(/✓ 1000_create_authors up, finished/);
    expect(run.stderr).toMatch(/Rolled back: these migrations ran but did not stay applied\n {2}↺ 1000_create_authors up, rolled back\n {2}↺ 1001_books_with_deferred_fk up, rolled back/);
    expect(run.stderr).toMatch(/error: .*COMMIT failed: .*books_author_id_fkey/);
    const tables = await db.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('authors', 'books')");
    expect(tables.rowCount).toBe(0);
  });
});
