// --project: the CLI reads a project folder the way node-pg-migrate does (package.json script, .env).
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationStatusResponse } from '../contract';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { repoRoot, spawnCli } from './testing/spawnCli';

describe('pgm-studio --project', () => {
  let db: TestDatabase;
  let project: string;

  beforeAll(async () => {
    db = await createTestDatabase('pgmstudio_cliproj');
    project = await mkdtemp(join(tmpdir(), 'pgm-studio-cli-project-'));
    await cp(join(repoRoot, 'migrations'), join(project, 'db', 'migrations'), { recursive: true });
    await writeFile(join(project, 'package.json'), JSON.stringify({ scripts: { 'migrate:up': 'node-pg-migrate up -m db/migrations -t schema_history' } }));
    await writeFile(join(project, '.env'), `DATABASE_URL=${db.url}\n`);
  });
  afterAll(async () => {
    await db?.drop();
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('runs and reports with the settings of the package.json script and the database of .env, from any folder', async () => {
    const up = await spawnCli(['up', '--count', '1', '--project', project], { cwd: tmpdir() });
    expect(up.code, up.stderr).toBe(0);
    const rows = await db.query<{ name: string }>('SELECT name FROM schema_history');
    expect(rows.rows.map((r) => r.name)).toEqual(['1734567890000_initial_database_setup']);
    const status = await spawnCli(['status', '--json', '--project', project], { cwd: tmpdir() });
    expect(status.code, status.stderr).toBe(0);
    expect(status.json<MigrationStatusResponse>().status).toMatchObject({ appliedMigrations: ['1734567890000_initial_database_setup'], isUpToDate: false });
    expect(status.stderr + status.stdout).not.toContain(new URL(db.url).password || '\u0000');
  });

  it('says which folder is wrong for a --project that does not exist (exit 2)', async () => {
    const run = await spawnCli(['status', '--project', join(project, 'nope')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Project folder not found');
    expect(run.stderr).toContain('hint:');
  });
});
