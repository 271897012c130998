import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from './loadProject';

describe('loadProject', () => {
  let root: string;
  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'pgm-studio-project-')));
    await mkdir(join(root, 'db', 'migrations'), { recursive: true });
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it("uses node-pg-migrate's defaults", async () => {
    const project = await loadProject({ root, migrationsDir: join(root, 'db', 'migrations'), env: {} });
    expect(project.settings).toEqual({ migrationsDir: join(root, 'db', 'migrations'), migrationsTable: 'pgmigrations', migrationsSchema: 'public', schema: 'public', checkOrder: true });
    expect(project.configFile).toBeNull();
  });

  it('reads kebab-case keys from a config file, under "db" or at the top level, relative to the project folder', async () => {
    const config = join(root, 'config.json');
    await writeFile(config, JSON.stringify({ db: { 'migrations-dir': 'db/migrations', 'migrations-table': 'history', schema: 'app', 'check-order': false } }));
    const { settings, configFile } = await loadProject({ root, configFile: config, env: {} });
    expect(configFile).toBe(config);
    // Like node-pg-migrate, the table lives in the schema unless migrations-schema says otherwise.
    expect(settings).toEqual({ migrationsDir: join(root, 'db', 'migrations'), migrationsTable: 'history', migrationsSchema: 'app', schema: 'app', checkOrder: false });
    await writeFile(config, JSON.stringify({ 'migrations-dir': 'db/migrations', 'migrations-schema': 'ops', 'check-order': true }));
    expect((await loadProject({ root, configFile: config, env: {} })).settings).toMatchObject({ migrationsSchema: 'ops', schema: 'public', checkOrder: true });
  });

  it('ignores camelCase keys, as node-pg-migrate does', async () => {
    const config = join(root, 'camel.json');
    await writeFile(config, JSON.stringify({ migrationsDir: 'db/migrations', migrationsTable: 'history' }));
    await mkdir(join(root, 'migrations'), { recursive: true });
    expect((await loadProject({ root, configFile: config, env: {} })).settings).toMatchObject({ migrationsDir: join(root, 'migrations'), migrationsTable: 'pgmigrations' });
  });

  it('lets explicit options win over the config file', async () => {
    const config = join(root, 'override.json');
    await writeFile(config, JSON.stringify({ 'migrations-dir': 'nowhere', 'migrations-table': 'history' }));
    const { settings } = await loadProject({ root, configFile: config, migrationsDir: join(root, 'db', 'migrations'), overrides: { migrationsTable: 'other' }, env: {} });
    expect(settings).toMatchObject({ migrationsDir: join(root, 'db', 'migrations'), migrationsTable: 'other' });
  });

  it('fails with invalid-project and a hint for a missing directory or an unreadable config', async () => {
    await expect(loadProject({ root, migrationsDir: join(root, 'nope'), env: {} })).rejects.toMatchObject({ code: 'invalid-project', hint: expect.stringContaining('--migrations-dir') });
    await expect(loadProject({ root, configFile: join(root, 'missing.json'), env: {} })).rejects.toMatchObject({ code: 'invalid-project', message: expect.stringContaining('file not found') });
    const broken = join(root, 'broken.json');
    await writeFile(broken, '{ "migrations-dir": ');
    await expect(loadProject({ root, configFile: broken, env: {} })).rejects.toMatchObject({ code: 'invalid-project' });
  });
});
