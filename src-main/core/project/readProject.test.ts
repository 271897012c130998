import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readProject } from './readProject';

let root: string;
beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'pgm-studio-read-')));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const write = async (path: string, content: unknown) => {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
};

describe('readProject', () => {
  it('reads the flags of the package.json script that runs node-pg-migrate up, and DATABASE_URL from .env, with their sources', async () => {
    await write('package.json', {
      name: 'course-tracker',
      scripts: {
        'migrate:create': 'node-pg-migrate create -m db/migrations -j sql',
        'migrate:up': 'node-pg-migrate up -m db/migrations -t schema_migrations --schema app --no-check-order',
        'migrate:down': 'node-pg-migrate down -m db/migrations -t schema_migrations',
      },
    });
    await mkdir(join(root, 'db', 'migrations'), { recursive: true });
    await write('.env', 'DB_PASSWORD=s3cret\nDATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5433/course\n');
    const { info, databaseUrl } = await readProject({ root, env: {} });
    expect(info).toMatchObject({ root, name: 'course-tracker', script: 'migrate:up', configFile: null });
    expect(info.settings).toEqual({ migrationsDir: join(root, 'db', 'migrations'), migrationsTable: 'schema_migrations', migrationsSchema: 'app', schema: 'app', checkOrder: false });
    const script = 'package.json script "migrate:up"';
    expect(info.origins).toMatchObject({
      migrationsDir: { source: script },
      migrationsTable: { value: 'schema_migrations', source: script },
      schema: { value: 'app', source: script },
      migrationsSchema: { value: 'app', source: `same as schema (${script})` },
      checkOrder: { value: 'false', source: script },
      migrationFileLanguage: { value: 'sql', source: 'package.json script "migrate:create"' },
      // Expanded like dotenv-expand, and never shown with its password.
      databaseUrl: { value: 'postgres://app:***@db.internal:5433/course', source: '.env' },
    });
    expect(databaseUrl).toBe('postgres://app:s3cret@db.internal:5433/course');
    expect(JSON.stringify(info)).not.toContain('s3cret');
  });

  it('splits the script like a shell and finds node-pg-migrate behind npx, env assignments and &&', async () => {
    await write('package.json', { scripts: { migrate: 'npm run build && NODE_ENV=ci npx node-pg-migrate up --migrations-dir "db/my migrations" -d PG_URL' } });
    await mkdir(join(root, 'db', 'my migrations'), { recursive: true });
    await write('.env', 'PG_URL=postgres://u@h/d\nDATABASE_URL=postgres://wrong@h/d\n');
    const { info, databaseUrl } = await readProject({ root, env: {} });
    expect(info.settings.migrationsDir).toBe(join(root, 'db', 'my migrations'));
    expect(databaseUrl).toBe('postgres://u@h/d');
  });

  it('lets a variable already in the environment win over .env, as dotenv does', async () => {
    await mkdir(join(root, 'migrations'));
    await write('.env', 'DATABASE_URL=postgres://file@h/d\n');
    const { info, databaseUrl } = await readProject({ root, env: { DATABASE_URL: 'postgres://env@h/d' } });
    expect(databaseUrl).toBe('postgres://env@h/d');
    expect(info.origins.databaseUrl?.source).toBe('environment variable DATABASE_URL');
  });

  it('reads the config package layout (default, then NODE_ENV) and the -f file, whose keys win over the flags as in node-pg-migrate', async () => {
    await write('package.json', { dependencies: { config: '^3' }, scripts: { 'migrate:up': 'node-pg-migrate up -t from_flag -f migrate.json -m mig' } });
    await mkdir(join(root, 'mig'));
    await write('config/default.json', { db: { 'migrations-table': 'from_default', schema: 'base', url: 'postgres://cfg:pw@cfg/db' } });
    await write('config/staging.json', { db: { schema: 'staging_schema' } });
    await write('migrate.json', { db: { 'check-order': false } });
    const { info, databaseUrl } = await readProject({ root, env: { NODE_ENV: 'staging' } });
    expect(info.origins).toMatchObject({
      migrationsTable: { value: 'from_default', source: 'config/default.json' },
      schema: { value: 'staging_schema', source: 'config/staging.json' },
      checkOrder: { value: 'false', source: 'migrate.json (-f in package.json script "migrate:up")' },
      migrationsDir: { value: join(root, 'mig'), source: 'package.json script "migrate:up"' },
      databaseUrl: { value: 'postgres://cfg:***@cfg/db', source: 'config/default.json' },
    });
    expect(info.configFile).toBe(join(root, 'migrate.json'));
    expect(databaseUrl).toBe('postgres://cfg:pw@cfg/db');
  });

  it('ignores config/ when the project does not use the config package (node-pg-migrate cannot import it)', async () => {
    await mkdir(join(root, 'migrations'));
    await write('config/default.json', { db: { 'migrations-table': 'unused' } });
    const { info } = await readProject({ root, env: {} });
    expect(info.origins.migrationsTable).toEqual({ value: 'pgmigrations', source: 'default' });
    expect(info.origins.migrationsDir).toEqual({ value: join(root, 'migrations'), source: 'default' });
    expect(info.origins.databaseUrl).toBeNull();
  });

  it('puts pgm-studio\'s own flags over the project, and names a missing migrations folder with where it came from', async () => {
    await write('package.json', { scripts: { up: 'node-pg-migrate up -m nowhere' } });
    await expect(readProject({ root, env: {} })).rejects.toMatchObject({ code: 'invalid-project', message: expect.stringContaining('package.json script "up"') });
    await mkdir(join(root, 'elsewhere'));
    const { info } = await readProject({ root, env: {}, overrides: { migrationsDir: join(root, 'elsewhere'), migrationsTable: 'mine' } });
    expect(info.origins.migrationsDir).toEqual({ value: join(root, 'elsewhere'), source: 'pgm-studio command line' });
    expect(info.origins.migrationsTable).toEqual({ value: 'mine', source: 'pgm-studio command line' });
  });
});
