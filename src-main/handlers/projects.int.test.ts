import { cp, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionList, ConnectionSummary, MigrationRunResponse, MigrationStatus, ProjectInfo } from '../contract';
import { envelopeValue } from '../test-support/rpcEnvelope';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { createStudio, type Studio } from './createStudio';
import { createRouter, type Dispatch } from './router';

const sampleMigrations = fileURLToPath(new URL('../../migrations', import.meta.url));

let db: TestDatabase;
let base: string;
const studios: Studio[] = [];

/** A project as an operator has it: migrations in db/migrations, flags in package.json, the database in .env. */
async function makeProject(name: string, databaseUrl?: string): Promise<string> {
  const root = join(base, name);
  await mkdir(root, { recursive: true });
  await cp(sampleMigrations, join(root, 'db', 'migrations'), { recursive: true });
  await writeFile(join(root, 'package.json'), JSON.stringify({
    name,
    scripts: {
      'migrate:create': 'node-pg-migrate create -m db/migrations',
      'migrate:up': 'node-pg-migrate up -m db/migrations -t schema_migrations',
      'migrate:down': 'node-pg-migrate down -m db/migrations -t schema_migrations',
    },
  }));
  if (databaseUrl) await writeFile(join(root, '.env'), `DATABASE_URL=${databaseUrl}\n`);
  return realpath(root);
}

async function open(options: Omit<Parameters<typeof createStudio>[0], 'dataDir' | 'log'> & { dataDir?: string }): Promise<Dispatch> {
  const studio = createStudio({ dataDir: options.dataDir ?? (await mkdtemp(join(base, 'data-'))), log: () => undefined, ...options });
  studios.push(studio);
  return createRouter(studio.handlers, () => undefined).dispatch;
}

beforeAll(async () => {
  db = await createTestDatabase();
  base = await realpath(await mkdtemp(join(tmpdir(), 'pgm-studio-projects-')));
});

afterAll(async () => {
  for (const studio of studios) await studio.close();
  await db?.drop();
  await rm(base, { recursive: true, force: true });
});

describe('a project read from its package.json script and .env', () => {
  it('shows its timeline from db/migrations on the .env database, and a run records into the script\'s table', async () => {
    const root = await makeProject('course-tracker', db.url);
    const dispatch = await open({ projectDir: root, door: 'server' });

    const project = envelopeValue<ProjectInfo>(await dispatch('project/current', {}));
    expect(project).toMatchObject({ root, name: 'course-tracker', script: 'migrate:up' });
    expect(project.origins.migrationsDir).toEqual({ value: join(root, 'db', 'migrations'), source: 'package.json script "migrate:up"' });
    expect(project.origins.migrationsTable).toEqual({ value: 'schema_migrations', source: 'package.json script "migrate:up"' });
    expect(project.origins.databaseUrl?.source).toBe('.env');
    expect(JSON.stringify(project)).not.toContain(new URL(db.url).password || '\u0000');

    const list = envelopeValue<ConnectionList>(await dispatch('connections/list', {}));
    expect(list.currentId).toBe('database-url');
    expect(list.connections[0]).toMatchObject({ id: 'database-url', name: 'DATABASE_URL from .env', database: new URL(db.url).pathname.slice(1) });

    const before = envelopeValue<MigrationStatus>(await dispatch('migrations/status', {}));
    expect(before.pendingMigrations).toHaveLength(3);
    expect(before.appliedMigrations).toEqual([]);
    const run = envelopeValue<MigrationRunResponse>(await dispatch('migrations/run', { selection: { direction: 'up', count: 1 } }));
    expect(run.success).toBe(true);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const rows = await client.query<{ name: string }>('SELECT name FROM public.schema_migrations');
      expect(rows.rows.map((r) => r.name)).toEqual([before.pendingMigrations[0]]);
    } finally {
      await client.end();
    }
  });
});

describe('connections belong to a project', () => {
  it('lists a saved connection only in the project it was saved in (plus the sandbox everywhere)', async () => {
    const first = await makeProject('first');
    const second = await makeProject('second');
    const dispatch = await open({ projectDir: first, door: 'electron' });
    const profile = { name: 'staging', host: '127.0.0.1', port: 1, database: 'app', user: 'app', sslMode: 'disable', environment: 'staging', color: '#f08c00' };
    const saved = envelopeValue<ConnectionSummary>(await dispatch('connections/save', { profile }));
    expect(saved.project).toBe(first);
    const inFirst = envelopeValue<ConnectionList>(await dispatch('connections/list', {}));
    expect(inFirst.connections.map((c) => c.name)).toContain('staging');

    expect(envelopeValue<ProjectInfo>(await dispatch('project/open', { path: second })).root).toBe(second);
    const inSecond = envelopeValue<ConnectionList>(await dispatch('connections/list', {}));
    expect(inSecond.connections.map((c) => c.name)).not.toContain('staging');
    expect(inSecond.connections.some((c) => c.isSandbox)).toBe(true);
    expect(inSecond.currentId).not.toBe(saved.id);
  });
});

describe('opening projects from a served UI', () => {
  it('is refused without --projects-root, and confined below it with one', async () => {
    const inside = await makeProject('root/inside');
    const outside = await makeProject('outside');
    const closed = await open({ projectDir: inside, door: 'server' });
    expect(await closed('project/open', { path: inside })).toMatchObject({ ok: false, error: { code: 'forbidden', hint: expect.stringContaining('--projects-root') } });

    const served = await open({ projectDir: inside, projectsRoot: join(base, 'root'), door: 'server' });
    expect(await served('project/open', { path: outside })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await served('project/open', { path: '../outside' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(envelopeValue<ProjectInfo>(await served('project/open', { path: 'inside' })).root).toBe(inside);
    expect(await served('project/pick-folder', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('only the desktop app') } });
  });
});
