// `pgm-studio serve` through the real binary: starts, answers, and stops cleanly on a signal.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationRunResponse, MigrationStatusResponse } from '../../contract';
import { snapshotDatabase } from '../../core/migrations/fixtures/databaseSnapshot';
import { isQueryActive, waitForActiveQuery } from '../../test-support/activeQuery';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { cliBin, repoRoot } from '../testing/spawnCli';
import { tempFolders } from '../../test-support/tempFolders';

interface Serving {
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  announced: { url: string; port: number; readToken?: string; adminToken?: string };
  exit: Promise<number | null>;
}

let rendererDir: string;
let db: TestDatabase;
const tempDir = tempFolders();

function serve(args: string[], env: Record<string, string> = {}): Promise<Serving> {
  const { DATABASE_URL: _url, PGM_STUDIO_READ_TOKEN: _read, PGM_STUDIO_ADMIN_TOKEN: _admin, ...inherited } = process.env;
  const childEnv: NodeJS.ProcessEnv = { ...inherited, NO_COLOR: '1', PGM_STUDIO_RENDERER_DIR: rendererDir, ...env };
  const child = spawn(process.execPath, [cliBin, 'serve', '--json', ...args], { cwd: repoRoot, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      // The announcement is one JSON line; an error report (pretty JSON) ends in the exit code instead.
      if (stdout.includes('\n') && line?.startsWith('{"url"')) resolve({ child, stderr: () => stderr, announced: JSON.parse(line) as Serving['announced'], exit });
    });
    void exit.then((code) => reject(new Error(`serve exited with ${code} before announcing.\n${stderr}`)));
  });
}

beforeAll(async () => {
  db = await createTestDatabase('pgmstudio_serve');
  rendererDir = await tempDir('pgm-serve-renderer-');
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>PGM Studio</title>');
});

afterAll(async () => {
  await db?.drop();
});

describe('pgm-studio serve', () => {
  it('prints the URL and its generated tokens, serves the seed API, and exits 0 on SIGTERM', async () => {
    const server = await serve(['--migrations-dir', 'migrations', '--data-dir', await tempDir('pgm-serve-data-')], { DATABASE_URL: db.url });
    try {
      expect(server.announced.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.announced.port}/\\?token=[\\w-]{40,}$`));
      const { readToken, adminToken } = server.announced;
      expect(readToken && adminToken && readToken !== adminToken).toBe(true);
      const response = await fetch(`http://127.0.0.1:${server.announced.port}/api/migrations`, { headers: { authorization: `Bearer ${readToken}` } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as MigrationStatusResponse).status.pendingMigrations).toHaveLength(3);
      expect((await fetch(`http://127.0.0.1:${server.announced.port}/api/migrations`, { method: 'POST', headers: { authorization: `Bearer ${readToken}` } })).status).toBe(403);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exit).toBe(0);
    expect(server.stderr()).not.toContain(new URL(db.url).password);
    expect(server.stderr()).not.toContain(server.announced.readToken);
  });

  it('with --projects-root, lets the UI open a project below it and refuses one outside, a ".." escape and a symlink out', async () => {
    const root = await tempDir('pgm-serve-projects-');
    for (const name of ['projects/first', 'projects/second', 'elsewhere']) await cp(join(repoRoot, 'migrations'), join(root, name, 'migrations'), { recursive: true });
    await symlink(join(root, 'elsewhere'), join(root, 'projects', 'link-out'));
    const server = await serve(['--database-url', db.url, '--project', join(root, 'projects', 'first'), '--projects-root', join(root, 'projects'), '--data-dir', await tempDir('pgm-serve-data-')]);
    try {
      const origin = `http://127.0.0.1:${server.announced.port}`;
      const login = await fetch(server.announced.url, { redirect: 'manual' });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const open = async (path: string) => {
        const response = await fetch(`${origin}/rpc/project/open`, { method: 'POST', headers: { origin, cookie, 'content-type': 'application/json' }, body: JSON.stringify({ path }) });
        return (await response.json()) as { ok: boolean; value?: { root: string }; error?: { code: string; message: string } };
      };
      expect(await open(join(root, 'elsewhere'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await open('../elsewhere')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await open('link-out')).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('symbolic link') } });
      expect(await open('second')).toMatchObject({ ok: true, value: { root: join(root, 'projects', 'second') } });
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exit).toBe(0);
  });

  it('takes its tokens from PGM_STUDIO_READ_TOKEN / PGM_STUDIO_ADMIN_TOKEN and does not print them', async () => {
    const readToken = 'env-read-token-0123456789';
    const server = await serve(['--data-dir', await tempDir('pgm-serve-data-')], { DATABASE_URL: db.url, PGM_STUDIO_READ_TOKEN: readToken, PGM_STUDIO_ADMIN_TOKEN: 'env-admin-token-0123456789' });
    try {
      expect(server.announced.readToken).toBeUndefined();
      expect(server.announced.adminToken).toBeUndefined();
      const response = await fetch(`http://127.0.0.1:${server.announced.port}/api/migrations`, { headers: { authorization: `Bearer ${readToken}` } });
      expect(response.status).toBe(200);
    } finally {
      server.child.kill('SIGINT');
    }
    expect(await server.exit).toBe(0);
    expect(server.stderr()).not.toContain(readToken);
  });

  it('on a fresh data folder serves the sandbox, and stops it on SIGINT', async () => {
    const dataDir = await tempDir('pgm-serve-sandbox-');
    await chmod(dataDir, 0o755); // the sandbox's postgres user (tests may run as root) must be able to enter it
    const server = await serve(['--data-dir', dataDir]);
    try {
      const response = await fetch(`http://127.0.0.1:${server.announced.port}/api/migrations`, { headers: { authorization: `Bearer ${server.announced.readToken}` } });
      expect(response.status, `${await response.clone().text()} ${server.stderr()}`).toBe(200);
      expect(((await response.json()) as MigrationStatusResponse).status.pendingMigrations).toHaveLength(3);
      expect(existsSync(join(dataDir, 'sandbox', 'cluster', 'postmaster.pid'))).toBe(true);
    } finally {
      server.child.kill('SIGINT');
    }
    expect(await server.exit, server.stderr()).toBe(0);
    expect(existsSync(join(dataDir, 'sandbox', 'cluster', 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('secrets from the environment and files stay out of the process list (/proc/<pid>/cmdline), with no warning', async () => {
    const secrets = await tempDir('pgm-serve-secrets-');
    const adminToken = 'file-admin-token-0123456789abcdef';
    const urlFile = join(secrets, 'database-url');
    await writeFile(join(secrets, 'admin-token'), `${adminToken}\n`, { mode: 0o600 });
    await writeFile(urlFile, `${db.url}\n`, { mode: 0o600 });
    const readToken = 'env-read-token-0123456789abcdef';
    const server = await serve(['--database-url-file', urlFile, '--admin-token-file', join(secrets, 'admin-token'), '--data-dir', await tempDir('pgm-serve-data-')], { PGM_STUDIO_READ_TOKEN: readToken });
    try {
      const cmdline = (await readFile(`/proc/${server.child.pid}/cmdline`, 'utf8')).split('\0').join(' ');
      expect(cmdline).toContain('serve');
      for (const secret of [new URL(db.url).password, readToken, adminToken]) expect(cmdline).not.toContain(secret);
      // The file's token is the admin token: it may run migrations' status and is not refused.
      const response = await fetch(`http://127.0.0.1:${server.announced.port}/api/migrations`, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(response.status).toBe(200);
      expect(server.announced.adminToken).toBeUndefined();
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exit).toBe(0);
    expect(server.stderr()).not.toMatch(/warning:/);
  });

  it('a password or token given on the command line works but gets a warning saying how to pass it instead', async () => {
    const server = await serve(['--database-url', db.url, '--admin-token', 'argv-admin-token-0123456789', '--data-dir', await tempDir('pgm-serve-data-')]);
    server.child.kill('SIGTERM');
    expect(await server.exit, server.stderr()).toBe(0);
    expect(server.stderr()).toMatch(/^warning: a password in --database-url on the command line is visible to other users of this machine/m);
    expect(server.stderr()).toMatch(/^hint: Pass the URL in the DATABASE_URL environment variable or with --database-url-file FILE instead\./m);
    expect(server.stderr()).toMatch(/^warning: a token in --admin-token on the command line is visible/m);
    expect(server.stderr()).toMatch(/PGM_STUDIO_ADMIN_TOKEN environment variable or with --admin-token-file FILE/);
    expect(server.stderr()).not.toMatch(/--read-token on the command line/);
  });

  it('SIGTERM during a POST /api/migrations run: the run is rolled back, the client gets that result, the server exits', async () => {
    const migrationsDir = await tempDir('pgm-serve-slow-');
    await writeFile(join(migrationsDir, '1000_slow.js'), "exports.up = (pgm) => { pgm.createTable('books', { id: 'id' }); pgm.sql('SELECT pg_sleep(30)'); };\nexports.down = (pgm) => { pgm.dropTable('books'); };\n");
    const adminToken = 'env-admin-token-for-the-sigterm-test';
    const server = await serve(['--migrations-dir', migrationsDir, '--data-dir', await tempDir('pgm-serve-data-')], { DATABASE_URL: db.url, PGM_STUDIO_ADMIN_TOKEN: adminToken });
    const before = await snapshotDatabase(db.url);
    const answer = fetch(`http://127.0.0.1:${server.announced.port}/api/migrations`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
    try {
      await waitForActiveQuery(db, 'pg_sleep(30)');
    } finally {
      server.child.kill('SIGTERM');
    }
    const response = await answer;
    const body = (await response.json()) as MigrationRunResponse;
    expect(body, server.stderr()).toMatchObject({ success: false, message: 'interrupted: the command was rolled back, the database is unchanged', failure: { migration: '1000_slow', interrupted: true } });
    expect(await server.exit).toBe(0);
    expect(server.stderr()).toMatch(/SIGTERM: stopping PGM Studio/);
    expect(await isQueryActive(db, 'pg_sleep(30)')).toBe(false);
    expect(await snapshotDatabase(db.url)).toEqual(before);
  }, 120_000);

  it('without a built app exits 2 with the build hint', async () => {
    const server = serve([], { DATABASE_URL: db.url, PGM_STUDIO_RENDERER_DIR: await tempDir('pgm-serve-empty-') });
    await expect(server).rejects.toThrow(/exited with 2[\s\S]*npm run build/);
  });
});
