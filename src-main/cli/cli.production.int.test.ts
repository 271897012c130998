// The production guard at the CLI door: a --database-url / DATABASE_URL that reaches a saved
// production connection's database changes nothing without --confirm (or the name typed on a terminal).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationRunResponse } from '../contract';
import { openConnectionStore } from '../core/connections';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { cliBin, repoRoot, spawnCli } from './testing/spawnCli';

const [first, second, third] = ['1734567890000_initial_database_setup', '1734567890001_episode_notes_favorites', '1734567890002_add_user_preferences'];

// Each spawned CLI takes seconds on a loaded machine, and CI is slower still.
const slow = 300_000;
let db: TestDatabase;
let dataDir: string;

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnCli([...args, '--migrations-dir', 'migrations'], { env: { PGM_STUDIO_DATA_DIR: dataDir, ...env } });

async function applied(): Promise<string[] | null> {
  const { rows } = await db.query<{ exists: string | null }>("select to_regclass('public.pgmigrations') as exists");
  if (!rows[0]?.exists) return null;
  return (await db.query<{ name: string }>('select name from pgmigrations order by run_on, id')).rows.map((r) => r.name);
}

/**
 * The CLI on a pseudo-terminal (util-linux `script`), so stdin is a TTY: answers the name prompt
 * once it appears, then resolves with the exit code and everything the terminal showed.
 */
function onTerminal(args: string[], answer: string): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, cliBin, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', PGM_STUDIO_DATA_DIR: dataDir, DATABASE_URL: '' } });
  let output = '';
  let answered = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit within 240 s:\n${output}`));
    }, 240_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!answered && output.includes('to confirm')) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

beforeAll(async () => {
  db = await createTestDatabase('pgmstudio_cli_prod');
  dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-cli-prod-'));
  const url = new URL(db.url);
  // Saved with the other loopback spelling of the same host: still the same database.
  const host = url.hostname === '127.0.0.1' ? 'localhost' : url.hostname === 'localhost' ? '127.0.0.1' : url.hostname;
  const store = await openConnectionStore({ dataDir, sandbox: false });
  await store.save({ profile: { name: 'Course Tracker production', host, port: Number(url.port || 5432), database: db.name, user: decodeURIComponent(url.username), sslMode: 'disable', environment: 'production', color: '#e03131' } });
  await store.close();
});

afterAll(async () => {
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('pgm-studio on a production database reached by URL', () => {
  it('up without --confirm exits 2 with error and hint, and changes nothing (--database-url and DATABASE_URL alike)', async () => {
    for (const run of [await cli(['up', '--database-url', db.url]), await cli(['up'], { DATABASE_URL: db.url })]) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`error: ${db.name} on `);
      expect(run.stderr).toContain('is a production database (the saved production connection "Course Tracker production")');
      expect(run.stderr).toContain(`hint: Run the command again with --confirm ${db.name}`);
    }
    expect(await applied()).toBeNull();
  }, slow);

  it('a wrong --confirm exits 2; the right one runs (with --json, stdout is the seed body)', async () => {
    const wrong = await cli(['up', '--database-url', db.url, '--confirm', 'course_tracker']);
    expect(wrong.code, wrong.stderr).toBe(2);
    expect(wrong.stderr).toContain('"course_tracker"');
    expect(await applied()).toBeNull();

    const run = await cli(['up', '--database-url', db.url, '--confirm', db.name, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json<MigrationRunResponse>()).toMatchObject({ success: true });
    expect(await applied()).toEqual([first, second, third]);
  }, slow);

  it('down and redo need it too', async () => {
    for (const command of ['down', 'redo']) {
      const refused = await cli([command, '--database-url', db.url]);
      expect(refused.code, refused.stderr).toBe(2);
      expect(refused.stderr).toContain(`--confirm ${db.name}`);
    }
    expect(await applied()).toEqual([first, second, third]);
    expect((await cli(['redo', '--database-url', db.url, '--confirm', db.name])).code).toBe(0);
    const down = await cli(['down', '--database-url', db.url, '--confirm', db.name]);
    expect(down.code, down.stderr).toBe(0);
    expect(await applied()).toEqual([first, second]);
  }, slow);

  it('on a terminal it asks for the name: the right name runs, another changes nothing', async () => {
    const refused = await onTerminal(['down', '--database-url', db.url, '--migrations-dir', 'migrations'], 'not_this_one');
    expect(refused.output).toContain(`Type the database name ${db.name} to confirm`);
    expect(refused.code, refused.output).toBe(2);
    expect(await applied()).toEqual([first, second]);

    const confirmed = await onTerminal(['down', '--database-url', db.url, '--migrations-dir', 'migrations'], db.name);
    expect(confirmed.code, confirmed.output).toBe(0);
    expect(await applied()).toEqual([first]);
  }, slow);
});
