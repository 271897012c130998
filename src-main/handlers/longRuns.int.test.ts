// Long runs through the contract (every door): migrations/cancel, the live waiting view (run-activity
// events) and migrations/signal-blocker, against a real PostgreSQL with a real blocking session.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CancelRunResult, ConnectionSummary, MigrationRunResponse, RunActivity, SignalBlockerResult, StudioEvent } from '../contract';
import { waitForActiveQuery } from '../test-support/activeQuery';
import { envelopeValue } from '../test-support/rpcEnvelope';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { snapshotDatabase } from '../core/migrations/fixtures/databaseSnapshot';
import { createStudio, type Studio } from './createStudio';
import { createRouter, type Dispatch } from './router';

let db: TestDatabase;
let studio: Studio;
let dispatch: Dispatch;
let migrationsDir: string;
let events: StudioEvent[];
const sessions: pg.Client[] = [];

beforeEach(async () => {
  db = await createTestDatabase();
  await db.query('CREATE TABLE authors (id serial PRIMARY KEY, name text)');
  migrationsDir = await mkdtemp(join(tmpdir(), 'pgm-studio-long-runs-'));
  studio = createStudio({ dataDir: await mkdtemp(join(tmpdir(), 'pgm-studio-data-')), migrationsDir, databaseUrl: db.url, door: 'server', log: () => undefined });
  events = [];
  studio.events.subscribe((event) => events.push(event));
  dispatch = createRouter(studio.handlers, () => undefined).dispatch;
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.end().catch(() => undefined)));
  await studio?.close();
  await db?.drop();
  await rm(migrationsDir, { recursive: true, force: true });
});

/** Another session with an open transaction that read authors (ACCESS SHARE until it ends); its pid. */
async function holdReadLock(): Promise<number> {
  const session = new pg.Client({ connectionString: db.url, application_name: 'reporting-job' });
  // The test terminates it: its connection error is expected.
  session.on('error', () => undefined);
  sessions.push(session);
  await session.connect();
  const pid = (await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid as number;
  await session.query('BEGIN');
  await session.query('SELECT count(*) FROM authors');
  return pid;
}

/** Waits (polling the collected events, generous deadline for slow CI) for a run-activity event matching `match`. */
async function activityWhere(match: (a: RunActivity) => boolean, timeoutMs = 60_000): Promise<RunActivity> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = events.find((e): e is Extract<StudioEvent, { type: 'run-activity' }> => e.type === 'run-activity' && match(e));
    if (found) return found;
    if (Date.now() > deadline) throw new Error('no matching run-activity event');
    await sleep(100);
  }
}

const addColumn = "exports.up = (pgm) => { pgm.addColumn('authors', { nickname: 'text' }); };\nexports.down = (pgm) => { pgm.dropColumn('authors', 'nickname'); };\n";

describe('long runs through the contract', () => {
  it('migrations/cancel during pg_sleep: the run is rolled back, says "cancelled", and the database is unchanged', async () => {
    await writeFile(join(migrationsDir, '1000_books.js'), "exports.up = (pgm) => { pgm.createTable('books', { id: 'id' }); pgm.sql('SELECT pg_sleep(60)'); };\nexports.down = () => {};\n");
    const before = await snapshotDatabase(db.url);
    const run = dispatch('migrations/run', { selection: { direction: 'up' } });
    await waitForActiveQuery(db, 'pg_sleep(60)');
    const cancelled = envelopeValue<CancelRunResult>(await dispatch('migrations/cancel', {}));
    expect(cancelled).toEqual({ cancelled: true, message: 'cancelled: the command was rolled back, the database is unchanged' });
    const result = envelopeValue<MigrationRunResponse>(await run);
    expect(result).toMatchObject({ success: false, failure: { interrupted: true, migration: '1000_books' } });
    expect(await snapshotDatabase(db.url)).toEqual(before);
    // Nothing runs any more: a second cancel has nothing to do.
    expect(envelopeValue<CancelRunResult>(await dispatch('migrations/cancel', {}))).toMatchObject({ cancelled: false });
  });

  it('the live view lists the blocking session while the run waits, refuses to signal a pid that does not block it, and terminates the one that does', async () => {
    await writeFile(join(migrationsDir, '1000_nickname.js'), addColumn);
    const blockerPid = await holdReadLock();
    const before = await snapshotDatabase(db.url);
    const run = dispatch('migrations/run', { selection: { direction: 'up' }, timeouts: { lockTimeout: '0' } });
    const waiting = await activityWhere((a) => a.blockers.length > 0);
    expect(waiting).toMatchObject({
      migration: '1000_nickname',
      waitingFor: { lockType: 'relation', relation: 'authors', mode: 'AccessExclusiveLock' },
      blockers: [{ pid: blockerPid, applicationName: 'reporting-job', state: 'idle in transaction', query: 'SELECT count(*) FROM authors', user: expect.any(String) }],
    });
    expect(waiting.elapsedMs).toBeGreaterThan(0);
    expect(waiting.blockers[0]?.transactionSeconds).toBeGreaterThanOrEqual(0);

    // A session queued behind the run (it wants the table too) shows up as queued.
    const queuedSession = new pg.Client({ connectionString: db.url, application_name: 'web-app' });
    sessions.push(queuedSession);
    await queuedSession.connect();
    const queuedRead = queuedSession.query('SELECT count(*) FROM authors').catch(() => undefined);
    const withQueue = await activityWhere((a) => a.queued.some((q) => q.applicationName === 'web-app'));
    expect(withQueue.queued[0]).toMatchObject({ applicationName: 'web-app', query: 'SELECT count(*) FROM authors' });

    // Only a session that blocks the run may be signalled: the queued one is refused, untouched.
    const queuedPid = withQueue.queued[0]?.pid as number;
    const refused = await dispatch('migrations/signal-blocker', { pid: queuedPid, action: 'terminate' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(new RegExp(`Session ${queuedPid} is not blocking the run`)) } });
    expect((await db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [queuedPid])).rows).toHaveLength(1);

    // Terminating the blocker lets the run go through.
    const signalled = envelopeValue<SignalBlockerResult>(await dispatch('migrations/signal-blocker', { pid: blockerPid, action: 'terminate' }));
    expect(signalled).toMatchObject({ pid: blockerPid, action: 'terminate', signalled: true });
    const result = envelopeValue<MigrationRunResponse>(await run);
    expect(result.success).toBe(true);
    await queuedRead;
    expect(await snapshotDatabase(db.url)).not.toEqual(before);
    // Sampling stops with the run: no activity event after run-finished.
    const finishedAt = events.findIndex((e) => e.type === 'run-finished');
    await sleep(2_000);
    expect(events.slice(finishedAt + 1).filter((e) => e.type === 'run-activity')).toEqual([]);
  });

  it('a connection\'s own lock timeout, else production\'s 5 s default, bounds its runs', async () => {
    await writeFile(join(migrationsDir, '1000_nickname.js'), addColumn);
    await holdReadLock();
    const url = new URL(db.url);
    const save = async (name: string, environment: 'development' | 'production', lockTimeout?: string) =>
      envelopeValue<ConnectionSummary>(await dispatch('connections/save', {
        profile: { name, host: url.hostname, port: Number(url.port || 5432), database: db.name, user: decodeURIComponent(url.username), sslMode: 'disable', environment, color: '#2f9e44', ...(lockTimeout ? { lockTimeout } : {}) },
        password: decodeURIComponent(url.password),
        sessionOnly: true,
      }));
    const dev = await save('dev with a lock timeout', 'development', '1s');
    expect(dev.lockTimeout).toBe('1s');
    const devRun = envelopeValue<MigrationRunResponse>(await dispatch('migrations/run', { connectionId: dev.id, selection: { direction: 'up' } }));
    expect(devRun.failure).toMatchObject({ timeout: { setting: 'lock_timeout', value: '1s' } });

    const production = await save('production, defaults', 'production');
    const productionRun = envelopeValue<MigrationRunResponse>(await dispatch('migrations/run', { connectionId: production.id, selection: { direction: 'up' }, confirm: db.name }));
    expect(productionRun.failure).toMatchObject({ timeout: { setting: 'lock_timeout', value: '5s' }, message: expect.stringMatching(/^lock_timeout \(5s\) reached/) });
  });

  it('a role that may not signal the blocker (a superuser\'s session) gets a clear refusal naming pg_signal_backend', async () => {
    const role = `pgm_nosignal_${Date.now().toString(36)}`;
    await db.query(`CREATE ROLE ${role} LOGIN PASSWORD 'nosignal' NOSUPERUSER`);
    const roleUrl = new URL(db.url);
    roleUrl.username = role;
    roleUrl.password = 'nosignal';
    let limited: Studio | null = null;
    try {
      await db.query(`GRANT ALL ON SCHEMA public TO ${role}; ALTER TABLE authors OWNER TO ${role}`);
      await writeFile(join(migrationsDir, '1000_nickname.js'), addColumn);
      const blockerPid = await holdReadLock(); // the test's superuser
      limited = createStudio({ dataDir: await mkdtemp(join(tmpdir(), 'pgm-studio-data-')), migrationsDir, databaseUrl: roleUrl.toString(), door: 'server', log: () => undefined });
      limited.events.subscribe((event) => events.push(event));
      const limitedDispatch = createRouter(limited.handlers, () => undefined).dispatch;
      const run = limitedDispatch('migrations/run', { selection: { direction: 'up' } });
      await activityWhere((a) => a.blockers.some((b) => b.pid === blockerPid));
      const refused = await limitedDispatch('migrations/signal-blocker', { pid: blockerPid, action: 'terminate' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(new RegExp(`may not terminate session ${blockerPid}`)), hint: expect.stringMatching(/pg_signal_backend/) } });
      expect((await db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [blockerPid])).rows).toHaveLength(1);
      expect(envelopeValue<CancelRunResult>(await limitedDispatch('migrations/cancel', {}))).toMatchObject({ cancelled: true });
      expect(envelopeValue<MigrationRunResponse>(await run).success).toBe(false);
    } finally {
      // The blocker first: it holds a lock on authors, which the ownership change below needs.
      await Promise.all(sessions.splice(0).map((s) => s.end().catch(() => undefined)));
      await limited?.close();
      await db.query(`REASSIGN OWNED BY ${role} TO CURRENT_USER; DROP OWNED BY ${role}; DROP ROLE ${role}`);
    }
  });

  it('signal-blocker with no run in progress is refused', async () => {
    const refused = await dispatch('migrations/signal-blocker', { pid: 12345, action: 'cancel' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
