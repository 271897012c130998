// Backup-then-rollback against a real PostgreSQL with the real pg_dump / pg_restore (15 on PATH).
import { chmod, cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEvent, BackupRecord, Handlers, StudioEvent } from '../../contract';
import { skipBackupPhrase } from '../../contract';
import { createStudio, type Studio } from '../../handlers/createStudio';
import { sampleMigrationsDir, sampleNames } from '../migrations/fixtures/projectFixture';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { tempFolders } from '../../test-support/tempFolders';
import { backupTools, createBackup, tableChecksums, listTables } from '../backups';
import { withClient } from '../database';

const tempDir = tempFolders();
const [first, second, third] = sampleNames;
const slow = 240_000;

interface Setup {
  db: TestDatabase;
  studio: Studio;
  handlers: Handlers;
  dataDir: string;
  migrationsDir: string;
  events: StudioEvent[];
}
const setups: Setup[] = [];
afterAll(async () => {
  for (const s of setups) {
    await s.studio.close();
    await s.db.drop();
  }
});

/** A fresh database with the sample project applied and rows in every table, and a studio (the CLI's door) on it. */
async function sampleWithData(extraMigrations: Record<string, string> = {}): Promise<Setup> {
  const db = await createTestDatabase();
  const migrationsDir = await tempDir('pgm-backup-migrations-');
  await cp(sampleMigrationsDir, migrationsDir, { recursive: true });
  for (const [file, source] of Object.entries(extraMigrations)) await writeFile(join(migrationsDir, file), source);
  const dataDir = await tempDir('pgm-backup-data-');
  const studio = createStudio({ dataDir, migrationsDir, databaseUrl: db.url, door: 'cli', log: () => undefined });
  const events: StudioEvent[] = [];
  studio.events.subscribe((e) => events.push(e));
  const setup = { db, studio, handlers: studio.handlers, dataDir, migrationsDir, events };
  setups.push(setup);
  const up = await studio.handlers['migrations/run']({ selection: { direction: 'up' } });
  expect(up.success, up.message).toBe(true);
  await db.query(`
    insert into users (email, display_name) select 'user' || g || '@example.com', 'User ' || g from generate_series(1, 200) g;
    insert into courses (title, description, created_by) select 'Course ' || g, repeat('text ', g % 7), (select id from users order by email limit 1) from generate_series(1, 40) g;
    insert into episodes (course_id, title, position, duration_seconds) select c.id, 'Episode ' || p, p, p * 60 from courses c, generate_series(1, 5) p;
    insert into notes (user_id, episode_id, body) select u.id, e.id, 'note ' || e.id from (select id from users order by email limit 10) u, episodes e;
    insert into favorites (user_id, episode_id) select u.id, e.id from (select id from users order by email limit 5) u, (select id from episodes order by id limit 30) e;
    insert into user_preferences (user_id, theme) select id, 'dark' from users;
  `);
  return setup;
}

async function checksums(db: TestDatabase): Promise<Record<string, string>> {
  return withClient({ connectionString: db.url }, async (client) => tableChecksums(client, await listTables(client)));
}

async function appliedNames(db: TestDatabase): Promise<string[]> {
  return (await db.query<{ name: string }>('select name from pgmigrations order by run_on, id')).rows.map((r) => r.name);
}

const password = () => decodeURIComponent(new URL(setups[0]!.db.url).password);

describe('backup, rollback to the first migration, restore', () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await sampleWithData();
  }, slow);

  it('rolls back with a verified backup, then the restore gives back every table\'s exact contents', async () => {
    const before = await checksums(setup.db);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['public.users', 'public.favorites', 'public.notes', 'public.episodes', 'public.user_preferences']));

    const plan = await setup.handlers['rollback/plan']({ toMigration: first });
    expect(plan.migrations.map((m) => m.name)).toEqual([third, second]);
    expect(plan.migrations.every((m) => m.usableDown && m.downSql.length > 0)).toBe(true);
    const favorites = plan.tables.find((t) => t.name === 'favorites');
    expect(favorites).toMatchObject({ action: 'dropped', rowEstimate: 150 });
    expect(plan.backupRecommended).toBe(true);

    const report = await setup.handlers['rollback/run']({ toMigration: first, backup: { create: true }, expectedPlan: [third, second] });
    expect(report.success, report.message).toBe(true);
    expect(report.steps.map((s) => [s.step, s.state])).toEqual([['backup', 'done'], ['verify', 'done'], ['rehearse', 'done'], ['run', 'done'], ['integrity', 'done'], ['report', 'done']]);
    expect(report.integrity?.matchesExpected).toBe(true);
    expect(report.integrity?.rowCounts.find((r) => r.table === 'public.users')).toEqual({ table: 'public.users', before: 200, after: 200 });
    expect(await appliedNames(setup.db)).toEqual([first]);
    expect(await readFile(report.reportPaths!.text, 'utf8')).toContain('SUCCESS');

    const backup = report.backup!;
    expect(backup).toMatchObject({ status: 'complete', verified: true, appliedMigrations: [first, second, third] });
    expect(backup.tables.find((t) => t.name === 'favorites')?.rows).toBe(150);
    // Progress was told: tables done of total, bytes written against the catalog's estimate.
    const progress = setup.events.filter((e): e is Extract<BackupEvent, { type: 'backup-progress' }> => e.type === 'backup-progress' && e.backupId === backup.id);
    expect(progress.at(-1)).toMatchObject({ tablesDone: backup.tables.length, tablesTotal: backup.tables.length });
    expect(progress.at(-1)!.bytesWritten).toBeGreaterThan(0);

    const restored = await setup.handlers['backups/restore']({ id: backup.id, into: 'same', confirm: setup.db.name });
    expect(restored.check.ok, restored.check.message).toBe(true);
    expect(await checksums(setup.db)).toEqual(before);
    expect(await appliedNames(setup.db)).toEqual([first, second, third]);

    const list = await setup.handlers['backups/list']({});
    expect(list.backups.find((b) => b.id === backup.id)).toMatchObject({ status: 'complete', verified: true, reportPath: report.reportPaths!.json });
  }, slow);

  it('restores into a new database with the same contents, and a test restore compares row counts', async () => {
    const [backup] = (await setup.handlers['backups/list']({})).backups;
    const verification = await setup.handlers['backups/verify']({ id: backup!.id, testRestore: true });
    expect(verification.ok, verification.problems.join(' ')).toBe(true);
    expect(verification.testRestore?.mismatches).toEqual([]);
    const copy = `${setup.db.name}_copy`;
    try {
      const restored = await setup.handlers['backups/restore']({ id: backup!.id, into: { newDatabase: copy } });
      expect(restored.check.ok).toBe(true);
      const url = new URL(setup.db.url);
      url.pathname = `/${copy}`;
      const copySums = await withClient({ connectionString: url.toString() }, async (client) => tableChecksums(client, await listTables(client)));
      expect(copySums).toEqual(await checksums(setup.db));
    } finally {
      await setup.db.query(`drop database if exists "${copy}" with (force)`).catch(() => undefined);
      const admin = new pg.Client({ connectionString: setup.db.url.replace(/\/[^/]+$/, '/postgres') });
      await admin.connect();
      await admin.query(`drop database if exists "${copy}" with (force)`);
      await admin.end();
    }
  }, slow);

  it('restoring over the database needs its name typed', async () => {
    const [backup] = (await setup.handlers['backups/list']({})).backups;
    await expect(setup.handlers['backups/restore']({ id: backup!.id, into: 'same' })).rejects.toMatchObject({ code: 'confirmation-required' });
  });

  it('the audit log has the rollback, the backup and the restore, with the OS user and the CLI door', async () => {
    const page = await setup.handlers['history/list']({ offset: 0, limit: 50 });
    const operations = page.entries.map((e) => e.operation);
    expect(operations).toEqual(expect.arrayContaining(['run', 'rollback', 'restore', 'verify']));
    const rollback = page.entries.find((e) => e.operation === 'rollback')!;
    expect(rollback).toMatchObject({ door: 'cli', result: 'success', migrations: [third, second], actor: { kind: 'os-user' } });
    expect(rollback.connection).not.toContain(password());
    const csv = await setup.handlers['history/export']({ format: 'csv', operations: ['rollback'] });
    expect(csv.count).toBe(1);
    expect(csv.content.split('\r\n')[0]).toContain('time,operation,door');
  });
});

describe('a rollback that cannot finish leaves the database as it was', () => {
  it('a failing down stops the rollback at the rehearsal: database unchanged, backup intact', async () => {
    const broken = '1734567890003_broken_down.sql';
    const setup = await sampleWithData({ [broken]: '-- Up Migration\nCREATE TABLE audit_trail (id int);\n-- Down Migration\nDROP TABLE no_such_table;\n' });
    const before = await checksums(setup.db);
    const report = await setup.handlers['rollback/run']({ toMigration: first, backup: { create: true } });
    expect(report.success).toBe(false);
    expect(report.failedStep).toBe('rehearse');
    expect(report.databaseChanged).toBe(false);
    expect(report.steps.find((s) => s.step === 'run')?.state).toBe('skipped');
    expect(await checksums(setup.db)).toEqual(before);
    expect(await appliedNames(setup.db)).toEqual([first, second, third, broken.replace('.sql', '')]);
    const backup = (await setup.handlers['backups/list']({})).backups.find((b) => b.id === report.backup?.id);
    expect(backup).toMatchObject({ status: 'complete', verified: true });
    expect((await setup.handlers['backups/verify']({ id: backup!.id })).ok).toBe(true);
  }, slow);

  it('a table locked by another session: the downs give up at lock_timeout, nothing changed', async () => {
    const setup = setups[0]!;
    await setup.handlers['backups/restore']({ id: (await setup.handlers['backups/list']({})).backups.at(-1)!.id, into: 'same', confirm: setup.db.name });
    const before = await checksums(setup.db);
    const holder = new pg.Client({ connectionString: setup.db.url });
    await holder.connect();
    try {
      await holder.query('begin; select count(*) from favorites');
      const preflight = await setup.handlers['rollback/preflight']({});
      expect(preflight.sessions.some((s) => s.state === 'idle in transaction')).toBe(true);
      const report = await setup.handlers['rollback/run']({ toMigration: first, backup: { skip: { typedDatabaseName: setup.db.name, phrase: skipBackupPhrase } }, lockTimeout: '500ms' });
      expect(report.success).toBe(false);
      expect(['rehearse', 'run']).toContain(report.failedStep);
      expect(report.steps.find((s) => s.step === report.failedStep)?.message).toMatch(/lock/i);
      expect(report.databaseChanged).toBe(false);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    expect(await checksums(setup.db)).toEqual(before);
    const skipped = await setup.handlers['history/list']({ offset: 0, limit: 10, operations: ['backup-skipped'] });
    expect(skipped.total).toBe(1);
  }, slow);

  it('skipping the backup without the exact phrase is refused before anything runs', async () => {
    const setup = setups[0]!;
    await expect(setup.handlers['rollback/run']({ toMigration: first, backup: { skip: { typedDatabaseName: setup.db.name, phrase: 'yes' } } })).rejects.toMatchObject({ code: 'confirmation-required' });
    expect(await appliedNames(setup.db)).toEqual([first, second, third]);
  });
});

/** Processes whose command line mentions pg_dump, with their full argv. */
async function pgDumpCommandLines(): Promise<string[]> {
  const lines: string[] = [];
  for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('pg_dump')) lines.push(cmdline.replace(/\0/g, ' '));
  }
  return lines;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a backup that does not complete is never a usable one', () => {
  it('cancelled while pg_dump runs: status cancelled, partial dump removed, restore refused; no password in any command line or file', async () => {
    const setup = setups[0]!;
    const holder = new pg.Client({ connectionString: setup.db.url });
    await holder.connect();
    // pg_dump waits for its ACCESS SHARE lock on users: a backup that is deterministically still running.
    await holder.query('begin; lock table users in access exclusive mode');
    let started: string | undefined;
    const unsubscribe = setup.studio.events.subscribe((e) => {
      if (e.type === 'backup-started') started = e.backupId;
    });
    try {
      const backing = setup.handlers['backups/create']({});
      const id = await waitFor(async () => started);
      const commandLines = await waitFor(async () => {
        const lines = await pgDumpCommandLines();
        return lines.some((l) => l.includes('--snapshot')) ? lines : undefined;
      });
      for (const line of commandLines) expect(line).not.toContain(password());
      expect((await setup.handlers['backups/list']({})).backups.find((b) => b.id === id)?.status).toBe('running');
      expect(await setup.handlers['backups/cancel']({ id })).toEqual({ cancelled: true });
      const record: BackupRecord = await backing;
      expect(record).toMatchObject({ id, status: 'cancelled', verified: false });
      expect(await stat(join(setup.dataDir, 'backups', id, 'dump.partial')).then(() => true, () => false)).toBe(false);
      expect(await stat(record.path).then(() => true, () => false)).toBe(false);
      await expect(setup.handlers['backups/restore']({ id, into: 'same', confirm: setup.db.name })).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(setup.handlers['backups/verify']({ id })).rejects.toMatchObject({ code: 'invalid-input' });
      expect((await setup.handlers['backups/list']({})).backups.find((b) => b.id === id)).toMatchObject({ status: 'cancelled', verified: false });
    } finally {
      unsubscribe();
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    // Nor in anything written to the data folder (records, reports, the audit log).
    for (const file of await readdir(setup.dataDir, { recursive: true })) {
      const path = join(setup.dataDir, file);
      if ((await stat(path)).isFile() && /\.(json|jsonl|txt)$/.test(file)) expect(await readFile(path, 'utf8')).not.toContain(password());
    }
  }, slow);
});

describe('backups/cancel', () => {
  it('never interrupts a migration run that is not a backup, restore or rollback', async () => {
    const setup = await sampleWithData({ '1734567890003_slow_down.sql': '-- Up Migration\nSELECT 1;\n-- Down Migration\nSELECT pg_sleep(3);\n' });
    const rehearsing = setup.handlers['migrations/rehearse']({ selection: { direction: 'down' } });
    await waitFor(async () => setup.events.find((e) => e.type === 'migration-started' && e.direction === 'down'));
    expect(await setup.handlers['backups/cancel']({})).toEqual({ cancelled: false });
    const rehearsal = await rehearsing;
    expect(rehearsal.success, rehearsal.message).toBe(true);
  }, slow);
});

describe('pg_dump discovery', () => {
  it('with only an older pg_dump installed, the backup stops with the server version, what was found and how to install', async () => {
    const setup = setups[0]!;
    const fakeBin = await tempDir('pgm-fake-pg-bin-');
    for (const tool of ['pg_dump', 'pg_restore']) {
      await writeFile(join(fakeBin, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) 12.22"\n`);
      await chmod(join(fakeBin, tool), 0o755);
    }
    const only = { preferencePath: fakeBin, env: { PATH: fakeBin }, wellKnownLocations: false };
    const target = { connectionString: setup.db.url };
    const tools = await backupTools(target, only);
    expect(tools.found.map((f) => f.version)).toEqual(['12.22']);
    expect(tools.chosen).toBeNull();
    expect(tools.problem?.message).toMatch(/version 15 or newer.*PostgreSQL 15\.\d+ server.*found: 12\.22/);
    expect(tools.problem?.hint).toContain('postgresql-client-15');
    expect(tools.problem?.hint).toContain('brew install postgresql@15');
    const failing = createBackup(target, { ...only, dataDir: setup.dataDir, migrationsTable: { schema: 'public', table: 'pgmigrations' } });
    await expect(failing).rejects.toMatchObject({ code: 'not-found' });
    // With the real tools (PATH, /usr/lib/postgresql/*), the server's major is picked.
    const real = await setup.handlers['backups/tools']({});
    expect(real.chosen?.major).toBe(real.serverMajor);
  });
});
