import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectSettings } from '../../contract';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { getStatus, loadProject, runMigrations } from './index';
import { appliedNames, snapshotDatabase, tableNames } from './fixtures/databaseSnapshot';
import { realWorldProject } from './fixtures/realWorldProject';

describe('a real-world style folder: dozens of migrations, TS and JS, ESM and CommonJS, SQL', () => {
  const fixture = realWorldProject();
  let root: string;
  let db: TestDatabase;
  let project: ProjectSettings;
  const target = () => ({ connectionString: db.url });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pgm-studio-realworld-'));
    for (const [file, source] of Object.entries(fixture.files)) {
      await mkdir(dirname(join(root, file)), { recursive: true });
      await writeFile(join(root, file), source);
    }
    db = await createTestDatabase();
    project = (await loadProject({ migrationsDir: join(root, 'migrations') })).settings;
  });
  afterAll(async () => {
    await db?.drop();
    await rm(root, { recursive: true, force: true });
  });

  it('is a big enough, mixed enough folder', () => {
    expect(fixture.migrationNames.length).toBeGreaterThanOrEqual(30);
    const extensions = new Set(Object.keys(fixture.files).filter((f) => f.startsWith('migrations/')).map((f) => f.split('.').pop()));
    expect([...extensions].sort()).toEqual(['cjs', 'js', 'md', 'mjs', 'sql', 'ts']);
  });

  it('status before anything: all pending, in file order, README ignored', async () => {
    const status = await getStatus(target(), project);
    expect(status.pendingMigrations).toEqual(fixture.migrationNames);
    expect(status.migrations).toHaveLength(fixture.migrationNames.length);
  });

  it('up all, then status is up to date', async () => {
    const result = await runMigrations(target(), project, { direction: 'up' });
    expect(result.failure).toBeUndefined();
    expect(result.success).toBe(true);
    expect(result.results).toHaveLength(fixture.migrationNames.length);
    expect(await appliedNames(db.url)).toEqual(fixture.migrationNames);
    expect(await tableNames(db.url)).toEqual([...fixture.tables, 'pgmigrations'].sort());
    const status = await getStatus(target(), project);
    expect(status).toMatchObject({ isUpToDate: true, pendingMigrations: [], lastMigration: fixture.migrationNames.at(-1) });
    // Objects from the different styles are really there.
    const objects = await db.query<{ n: number }>(`SELECT (
      (SELECT count(*) FROM pg_type WHERE typname = 'loan_status')
      + (SELECT count(*) FROM pg_indexes WHERE indexname = 'loans_created_at_idx')
      + (SELECT count(*) FROM pg_trigger WHERE tgname = 'reviews_touch')
      + (SELECT count(*) FROM pg_views WHERE viewname = 'book_titles')
      + (SELECT count(*) FROM information_schema.columns WHERE table_name = 'readers' AND column_name = 'email' AND udt_name = 'citext')
      + (SELECT count(*) FROM information_schema.columns WHERE table_name = 'labels' AND column_name = 'title' AND is_nullable = 'NO'))::int AS n`);
    expect(objects.rows[0]?.n).toBe(6);
  });

  it('down to zero leaves only an empty pgmigrations, then up again works', async () => {
    const fresh = await createTestDatabase();
    try {
      const down = await runMigrations(target(), project, { direction: 'down', count: 10_000 });
      expect(down.failure).toBeUndefined();
      expect(down.results.map((r) => r.name)).toEqual([...fixture.migrationNames].reverse());
      expect(await appliedNames(db.url)).toEqual([]);
      // Same catalog as a database that never saw a migration, apart from the pgmigrations table itself.
      const after = await snapshotDatabase(db.url);
      const pristine = await snapshotDatabase(fresh.url);
      expect(after.schema.filter((line) => !/pgmigrations/.test(line))).toEqual(pristine.schema);
      const again = await runMigrations(target(), project, { direction: 'up' });
      expect(again.success).toBe(true);
      expect((await getStatus(target(), project)).isUpToDate).toBe(true);
      expect(await appliedNames(db.url)).toEqual(fixture.migrationNames);
    } finally {
      await fresh.drop();
    }
  });
});
