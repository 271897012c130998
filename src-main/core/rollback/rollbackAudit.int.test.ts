// What a rollback leaves for the record, through the router as every door calls it: the skipped
// backup in the history (whichever way the down was asked for), the confirmation's timeout override,
// and the saved report read back by id (server mode cannot open a path).
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryPage, RollbackReport, RpcEnvelope, SavedRollbackReport } from '../../contract';
import { skipBackupPhrase } from '../../contract';
import { createStudio, type Studio } from '../../handlers/createStudio';
import { createRouter, type Dispatch } from '../../handlers/router';
import { sampleMigrationsDir, sampleNames } from '../migrations/fixtures/projectFixture';
import { envelopeValue } from '../../test-support/rpcEnvelope';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { tempFolders } from '../../test-support/tempFolders';

const tempDir = tempFolders();
const [first, second, third] = sampleNames;
const slow = 240_000;

let db: TestDatabase;
let studio: Studio;
let dispatch: Dispatch;

const call = async <T>(channel: string, input: unknown): Promise<T> => envelopeValue<T>(await dispatch(channel, input));
const applied = async () => (await db.query<{ name: string }>('select name from pgmigrations order by run_on, id')).rows.map((r) => r.name);
const skip = () => ({ skip: { typedDatabaseName: db.name, phrase: skipBackupPhrase } });

async function upAll(): Promise<void> {
  const up = await call<{ success: boolean; message: string }>('migrations/run', { selection: { direction: 'up' } });
  expect(up.success, up.message).toBe(true);
}

beforeAll(async () => {
  db = await createTestDatabase();
  const dataDir = await tempDir('pgm-rollback-audit-');
  studio = createStudio({ dataDir, migrationsDir: sampleMigrationsDir, databaseUrl: db.url, door: 'cli', log: () => undefined });
  dispatch = createRouter(studio.handlers, () => undefined).dispatch;
  await upAll();
}, slow);

afterAll(async () => {
  await studio?.close();
  await db?.drop();
});

describe('a skipped backup is always in the history, with who and what they typed', () => {
  let report: RollbackReport;

  it('a down that reverts every migration goes the guided way too, and its skip is logged like any other', async () => {
    report = await call<RollbackReport>('rollback/run', { toMigration: null, backup: skip(), expectedPlan: [third, second, first] });
    expect(report.success, report.message).toBe(true);
    expect(report).toMatchObject({ toMigration: null, plan: [third, second, first], reverted: [third, second, first], backupSkipped: true, backup: null });
    expect(report.steps.find((s) => s.step === 'integrity')?.state).toBe('done');
    expect(await applied()).toEqual([]);

    const skipped = await call<HistoryPage>('history/list', { operations: ['backup-skipped'] });
    expect(skipped.total).toBe(1);
    const entry = skipped.entries[0]!;
    expect(entry.actor).toEqual({ kind: 'os-user', name: userInfo().username });
    expect(entry.migrations).toEqual([third, second, first]);
    expect(entry.message).toContain('Backup skipped');
    expect(entry.message).toContain(userInfo().username);
    expect(entry.detail).toEqual({ rollbackId: report.id, typedDatabaseName: db.name, typedPhrase: skipBackupPhrase });
    const rollback = (await call<HistoryPage>('history/list', { operations: ['rollback'] })).entries[0]!;
    expect(rollback.detail).toMatchObject({ rollbackId: report.id, backupSkipped: true });
    expect(rollback.sql.join('\n')).toMatch(/DROP TABLE/i);
  }, slow);

  it('its report reads back by the rollback id: the JSON and the text the engine saved', async () => {
    const saved = await call<SavedRollbackReport>('rollback/report', { rollbackId: report.id });
    expect(saved.report).toMatchObject({ id: report.id, success: true, backupSkipped: true, reportPaths: report.reportPaths });
    expect(saved.text).toContain(`PGM Studio rollback report ${report.id}`);
    expect(saved.text).toContain('Backup: SKIPPED by the operator');
    expect(saved.text).toContain('every migration reverted');
    expect(saved.text).toContain(`Report saved as ${report.reportPaths!.json}`);
    expect(saved.text).toMatch(/\[done {3}\] report/);
  });
});

describe('the down confirmation\'s timeout override reaches the guided rollback', () => {
  it('a lock_timeout override of 150ms gives up on a held lock and says so, over the rollback\'s own 5s', async () => {
    await upAll();
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('begin; select count(*) from favorites');
      const started = Date.now();
      const report = await call<RollbackReport>('rollback/run', { toMigration: first, backup: skip(), timeouts: { lockTimeout: '150ms' } });
      expect(report.success).toBe(false);
      expect(report.databaseChanged).toBe(false);
      const failed = report.steps.find((s) => s.step === report.failedStep);
      expect(['rehearse', 'run']).toContain(report.failedStep);
      expect(failed?.message).toContain('lock_timeout (150ms) reached');
      // What to do next travels with the failed step, whichever step it was: the wizard shows it, the text report prints it.
      expect(failed?.hint).toMatch(/^Nothing was changed by this statement\. Retry in a quieter moment/);
      const saved = await call<SavedRollbackReport>('rollback/report', { rollbackId: report.id });
      expect(saved.text).toContain(`hint: ${failed!.hint!}`);
      // Well under the default's 5 s per statement (generous for a loaded machine).
      expect(Date.now() - started).toBeLessThan(60_000);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    expect(await applied()).toEqual([first, second, third]);
  }, slow);
});

describe('a down confirmed with check-order off goes the guided way with check-order off', () => {
  it('reverts past a pending migration that sorts before an applied one, and logs the override; with check-order on it refuses', async () => {
    const outOfOrderDb = await createTestDatabase();
    const migrationsDir = await tempDir('pgm-rollback-order-');
    const sql = (table: string) => `-- Up Migration\nCREATE TABLE ${table} (id int);\n-- Down Migration\nDROP TABLE ${table};\n`;
    await writeFile(join(migrationsDir, '1000_first.sql'), sql('order_first'));
    await writeFile(join(migrationsDir, '1002_third.sql'), sql('order_third'));
    const orderStudio = createStudio({ dataDir: await tempDir('pgm-rollback-order-data-'), migrationsDir, databaseUrl: outOfOrderDb.url, door: 'cli', log: () => undefined });
    const orderDispatch = createRouter(orderStudio.handlers, () => undefined).dispatch;
    const orderCall = async <T>(channel: string, input: unknown): Promise<T> => envelopeValue<T>(await orderDispatch(channel, input));
    try {
      expect((await orderCall<{ success: boolean }>('migrations/run', { selection: { direction: 'up' } })).success).toBe(true);
      // A branch merged late: its migration sorts before the last applied one.
      await writeFile(join(migrationsDir, '1001_second.sql'), sql('order_second'));
      const onSkip = { skip: { typedDatabaseName: outOfOrderDb.name, phrase: skipBackupPhrase } };
      await expect(orderCall<RollbackReport>('rollback/run', { toMigration: '1000_first', backup: onSkip })).rejects.toThrow(/^out-of-order: Pending migration 1001_second sorts before the already applied 1002_third/);
      const report = await orderCall<RollbackReport>('rollback/run', { toMigration: '1000_first', backup: onSkip, checkOrder: false, expectedPlan: ['1002_third'] });
      expect(report.success, report.message).toBe(true);
      expect(report.reverted).toEqual(['1002_third']);
      const names = (await outOfOrderDb.query<{ name: string }>('select name from pgmigrations order by id')).rows.map((r) => r.name);
      expect(names).toEqual(['1000_first']);
      const overrides = await orderCall<HistoryPage>('history/list', { operations: ['guard-override'] });
      expect(overrides.entries.map((e) => e.detail)).toEqual([{ checkOrderOff: true }]);
    } finally {
      await orderStudio.close();
      await outOfOrderDb.drop();
    }
  }, slow);
});

describe('rollback/report', () => {
  it('reads a report by the backup made for it, and by the rollback id found in that backup\'s folder', async () => {
    const report = await call<RollbackReport>('rollback/run', { toMigration: second, backup: { create: true } });
    expect(report.success, report.message).toBe(true);
    const byBackup = await call<SavedRollbackReport>('rollback/report', { backupId: report.backup!.id });
    expect(byBackup.report.id).toBe(report.id);
    expect(byBackup.text).toContain(`Restore it with: pgm-studio restore ${report.backup!.id}`);
    expect(byBackup.text).toContain(`Report saved as ${report.reportPaths!.json}`);
    expect((await call<SavedRollbackReport>('rollback/report', { rollbackId: report.id })).text).toBe(byBackup.text);
  }, slow);

  it('takes ids only: a path, an unknown id or a backup without a report is refused with a hint', async () => {
    const refusal = async (input: unknown) => {
      const envelope: RpcEnvelope<unknown> = await dispatch('rollback/report', input);
      if (envelope.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
      return envelope.error;
    };
    for (const input of [{ rollbackId: '../../../etc/passwd' }, { backupId: '../backups' }, { path: '/etc/passwd' }, { rollbackId: '3f2b' }, {}]) {
      expect((await refusal(input)).code).toBe('invalid-input');
    }
    const unknown = await refusal({ rollbackId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ code: 'not-found' });
    expect(unknown.hint).toBeTruthy();
    const manual = await call<{ id: string; status: string }>('backups/create', {});
    expect(manual.status).toBe('complete');
    expect(await refusal({ backupId: manual.id })).toMatchObject({ code: 'not-found', message: expect.stringContaining('not made for a rollback') });
  }, slow);
});
