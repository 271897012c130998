import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from './loadProject';

describe('loadProject', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pgm-studio-project-'));
    await mkdir(join(root, 'db', 'migrations'), { recursive: true });
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it("uses node-pg-migrate's defaults", async () => {
    const project = await loadProject({ migrationsDir: join(root, 'db', 'migrations') });
    expect(project).toEqual({
      settings: { migrationsDir: join(root, 'db', 'migrations'), migrationsTable: 'pgmigrations', migrationsSchema: 'public', schema: 'public', checkOrder: true },
      configFile: null,
    });
  });

  it('reads kebab-case keys from a config file (relative to it), under "db" or at the top level', async () => {
    const config = join(root, 'config.json');
    await writeFile(config, JSON.stringify({ db: { 'migrations-dir': 'db/migrations', 'migrations-table': 'history', schema: 'app', 'check-order': false } }));
    const { settings, configFile } = await loadProject({ configFile: config });
    expect(configFile).toBe(config);
    // Like node-pg-migrate, the table lives in the schema unless migrations-schema says otherwise.
    expect(settings).toEqual({ migrationsDir: join(root, 'db', 'migrations'), migrationsTable: 'history', migrationsSchema: 'app', schema: 'app', checkOrder: false });
    await writeFile(config, JSON.stringify({ migrationsDir: 'db/migrations', migrationsSchema: 'ops', checkOrder: true }));
    expect((await loadProject({ configFile: config })).settings).toMatchObject({ migrationsSchema: 'ops', schema: 'public', checkOrder: true });
  });

  it('lets explicit options win over the config file', async () => {
    const config = join(root, 'override.json');
    await writeFile(config, JSON.stringify({ 'migrations-dir': 'nowhere', 'migrations-table': 'history' }));
    const { settings } = await loadProject({ configFile: config, migrationsDir: join(root, 'db', 'migrations'), overrides: { migrationsTable: 'other' } });
    expect(settings).toMatchObject({ migrationsDir: join(root, 'db', 'migrations'), migrationsTable: 'other' });
  });

  it('fails with invalid-project and a hint for a missing directory or an unreadable config', async () => {
    await expect(loadProject({ migrationsDir: join(root, 'nope') })).rejects.toMatchObject({ code: 'invalid-project', hint: expect.stringContaining('--migrations-dir') });
    await expect(loadProject({ configFile: join(root, 'missing.json') })).rejects.toMatchObject({ code: 'invalid-project', message: expect.stringContaining('file not found') });
    const broken = join(root, 'broken.json');
    await writeFile(broken, '{ "migrations-dir": ');
    await expect(loadProject({ configFile: broken })).rejects.toMatchObject({ code: 'invalid-project' });
    await writeFile(broken, JSON.stringify({ 'check-order': 'yes' }));
    await expect(loadProject({ configFile: broken })).rejects.toMatchObject({ code: 'invalid-project', message: expect.stringContaining('check-order') });
  });
});
