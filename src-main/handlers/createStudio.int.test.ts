import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppInfo, ConnectionList, ConnectionTestResult, MigrationRunResponse, RehearsalResult } from '../contract';
import { envelopeValue } from '../test-support/rpcEnvelope';
import { sampleStudioSuite } from '../test-support/sampleStudio';

// A copy of the sample plus one migration that fails halfway, to see a failed run end cleanly.
const suite = sampleStudioSuite('pgm-studio-handlers-');
const { events } = suite;

describe('createStudio over a real database', () => {
  it('app/info names the door, the version and the project', async () => {
    const info = envelopeValue<AppInfo>(await suite.dispatch('app/info', {}));
    expect(info).toMatchObject({ door: 'server', version: expect.stringMatching(/^\d+\.\d+\.\d+/), project: { settings: { migrationsDir: suite.migrationsDir, migrationsTable: 'pgmigrations' } } });
  });

  it('lists the --database-url connection as current, without its password, and tests it', async () => {
    const list = envelopeValue<ConnectionList>(await suite.dispatch('connections/list', {}));
    expect(list.currentId).toBe('database-url');
    expect(list.connections[0]).toMatchObject({ id: 'database-url', database: suite.db.name, isSandbox: false });
    const password = decodeURIComponent(new URL(suite.db.url).password);
    if (password) expect(JSON.stringify(list)).not.toContain(password);
    const tested = envelopeValue<ConnectionTestResult>(await suite.dispatch('connections/test', { id: 'database-url' }));
    expect(tested.serverVersion).toMatch(/^1\d/);
    expect(tested.canCreateInSchema).toBe(true);
  });

  it('tests the --database-url connection against the schema asked for, not always public', async () => {
    const tested = envelopeValue<ConnectionTestResult>(await suite.dispatch('connections/test', { id: 'database-url', schema: 'no_such_schema' }));
    expect(tested).toMatchObject({ schema: 'no_such_schema', canCreateInSchema: false });
  });

  it('a rehearsal streams events under one run id and leaves the database untouched', async () => {
    events.length = 0;
    const rehearsal = envelopeValue<RehearsalResult>(await suite.dispatch('migrations/rehearse', { selection: { direction: 'up' } }));
    expect(rehearsal.success).toBe(true);
    expect(rehearsal.statements.length).toBeGreaterThan(0);
    expect(new Set(events.map((event) => 'runId' in event && event.runId)).size).toBe(1);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', success: true });
    const { rows } = await suite.db.query("select to_regclass('public.users') as users");
    expect(rows[0]?.users).toBeNull();
  });

  it('a run that fails halfway reports the failure and closes the run for subscribers exactly once', async () => {
    await writeFile(join(suite.migrationsDir, '1734567890003_broken_step.js'), "exports.up = (pgm) => { pgm.sql('select * from no_such_table'); };\nexports.down = () => {};\n");
    events.length = 0;
    const run = envelopeValue<MigrationRunResponse>(await suite.dispatch('migrations/run', { selection: { direction: 'up' } }));
    expect(run.success).toBe(false);
    expect(run.failure).toMatchObject({ migration: '1734567890003_broken_step', pgCode: '42P01' });
    expect(events.filter((event) => event.type === 'run-finished')).toEqual([expect.objectContaining({ success: false })]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'migration-failed', name: '1734567890003_broken_step' }));
    // The guard is released: the next run is accepted (and fails the same way, not with lock-held).
    const again = await suite.dispatch('migrations/run', { selection: { direction: 'up', count: 1 } });
    expect(again).toMatchObject({ ok: true });
    expect(envelopeValue(await suite.dispatch('migrations/lock', {}))).toBeNull();
  });
});
