import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getMigrationFilePaths } from 'node-pg-migrate/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationCounts } from '../../contract';
import { listMigrationFiles, listMigrationFilesToRun, runnerIgnorePattern } from './migrationFiles';
import { createMigrationFolderCache } from './migrationFolderCache';
import { buildStatus } from './status';

const at = (iso: string) => new Date(iso).toISOString();

describe('listMigrationFiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pgm-studio-list-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("keeps our languages only and sorts exactly like node-pg-migrate's own reader", async () => {
    const names = [
      '10_ten.js', '9_nine.ts', '0010_ten_padded.sql', '20240101000000000_utc_format.cjs', '1704067200001_ms_format.mjs',
      '100_b.js', '100_a.js', '100_A.ts', '3_x.sql', '3_x_y.sql',
      'README.md', 'helpers.d.ts', '10_ten.js.map', '.hidden.js', 'notes.txt',
    ];
    for (const name of names) await writeFile(join(dir, name), '');
    const ours = (await listMigrationFiles(dir)).map((f) => f.file);
    expect(ours).not.toContain('README.md');
    expect(ours).not.toContain('helpers.d.ts');
    expect(ours).not.toContain('10_ten.js.map');
    expect(ours).not.toContain('.hidden.js');
    // node-pg-migrate's reader, given the ignorePattern we hand runner(), sees the same files in the same order.
    const theirs = (await getMigrationFilePaths(dir, { ignorePattern: runnerIgnorePattern })).map((p) => p.slice(dir.length + 1));
    expect(ours).toEqual(theirs);
    expect(ours.slice(0, 3)).toEqual(['3_x.sql', '3_x_y.sql', '9_nine.ts']);
    // 17 digits are read as a UTC date: 2024-01-01T00:00:00.000Z = 1704067200000 ms, before 1704067200001.
    expect(ours.indexOf('20240101000000000_utc_format.cjs')).toBeLessThan(ours.indexOf('1704067200001_ms_format.mjs'));
  });

  it('rejects a migration file without a numeric prefix, naming it', async () => {
    const other = await mkdtemp(join(tmpdir(), 'pgm-studio-list-'));
    await writeFile(join(other, 'create_users.js'), '');
    await expect(listMigrationFiles(other)).rejects.toMatchObject({ code: 'invalid-project', message: expect.stringContaining('create_users.js') });
    await rm(other, { recursive: true });
  });
});

describe('status with 5,000 migration files', () => {
  let big: string;
  // Writing the files is the slow part (seconds on a small disk); only the reading is measured.
  beforeAll(async () => {
    big = await mkdtemp(join(tmpdir(), 'pgm-studio-big-'));
    for (let i = 0; i < 5000; i += 500) {
      await Promise.all(Array.from({ length: 500 }, (_, j) => i + j).map((n) =>
        writeFile(join(big, `${1_700_000_000_000 + n}_step_${n}.js`), `exports.up = (pgm) => {};\n${n % 2 ? 'exports.down = (pgm) => {};\n' : ''}`)));
    }
  }, 60_000);
  afterAll(async () => rm(big, { recursive: true, force: true }));

  it('lists, inspects and builds the status of 5,000 files (timings: npm run bench)', async () => {
    const folders = createMigrationFolderCache();
    const { files, hasDown: downs } = await folders.scan(big);
    folders.close();
    expect(files).toEqual(await listMigrationFiles(big));
    const status = buildStatus(files, files.slice(0, 2500).map((f) => ({ name: f.name, runOn: at('2025-01-01') })), downs);
    expect(status.migrations).toHaveLength(5000);
    expect(status.pendingMigrations).toHaveLength(2500);
    expect(status.migrations.filter((m) => m.hasDown)).toHaveLength(2500);
  });
});

describe('buildStatus', () => {
  const files = ['1000_a', '1001_b', '1002_c'].map((name) => ({ name, file: `${name}.js` }));
  const downs = new Map(files.map((f) => [f.file, true]));

  it('fresh: all pending, nothing applied', () => {
    expect(buildStatus(files, [], downs)).toMatchObject({
      appliedMigrations: [], pendingMigrations: ['1000_a', '1001_b', '1002_c'], lastMigration: null, isUpToDate: false,
    });
  });

  it('partly applied: lastMigration is the last one run, runOn carried over', () => {
    const status = buildStatus(files, [{ name: '1000_a', runOn: at('2025-01-01T10:00:00Z') }], downs);
    expect(status.migrations.map((m) => [m.state, m.runOn])).toEqual([['applied', '2025-01-01T10:00:00.000Z'], ['pending', null], ['pending', null]]);
    expect(status.lastMigration).toBe('1000_a');
  });

  it('missing file and out-of-order, merged into file order', () => {
    const status = buildStatus(files.filter((f) => f.name !== '1001_b'), [
      { name: '1001_b', runOn: at('2025-01-01') },
      { name: '1002_c', runOn: at('2025-01-02') },
    ], downs);
    expect(status.migrations.map((m) => [m.name, m.state, m.file])).toEqual([
      ['1000_a', 'out-of-order', '1000_a.js'],
      ['1001_b', 'missing-file', null],
      ['1002_c', 'applied', '1002_c.js'],
    ]);
    expect(status).toMatchObject({ appliedMigrations: ['1001_b', '1002_c'], pendingMigrations: ['1000_a'], lastMigration: '1002_c', isUpToDate: false });
  });

  it('two files with one name: one row in error naming both files, pending until recorded, and no run starts', async () => {
    const withPair = [...files.slice(0, 2), { name: '1001_b', file: '1001_b.sql' }, files[2]].filter((f) => f !== undefined);
    const pending = buildStatus(withPair, [{ name: '1000_a', runOn: at('2025-01-01') }], downs);
    expect(pending.migrations.map((m) => [m.name, m.state, m.duplicateFiles])).toEqual([
      ['1000_a', 'applied', undefined],
      ['1001_b', 'duplicate-name', ['1001_b.js', '1001_b.sql']],
      ['1002_c', 'pending', undefined],
    ]);
    expect(pending).toMatchObject({ pendingMigrations: ['1001_b', '1002_c'], isUpToDate: false });
    // node-pg-migrate ran both and recorded the name twice: still one row, applied as recorded.
    const recordedTwice = buildStatus(withPair, ['1000_a', '1001_b', '1001_b', '1002_c'].map((name) => ({ name, runOn: at('2025-01-02') })), downs);
    expect(recordedTwice.migrations.map((m) => [m.name, m.state, m.runOn])).toEqual([
      ['1000_a', 'applied', '2025-01-02T00:00:00.000Z'],
      ['1001_b', 'duplicate-name', '2025-01-02T00:00:00.000Z'],
      ['1002_c', 'applied', '2025-01-02T00:00:00.000Z'],
    ]);
    expect(migrationCounts(recordedTwice)).toMatchObject({ total: 3, applied: 3, pending: 0, duplicateName: 1 });

    const dir = await mkdtemp(join(tmpdir(), 'pgm-studio-pair-'));
    for (const f of withPair) await writeFile(join(dir, f.file), '');
    expect((await listMigrationFiles(dir)).map((f) => f.file)).toEqual(['1000_a.js', '1001_b.js', '1001_b.sql', '1002_c.js']);
    await expect(listMigrationFilesToRun(dir)).rejects.toMatchObject({
      code: 'invalid-project',
      message: expect.stringContaining('1001_b.js and 1001_b.sql'),
      hint: expect.stringMatching(/^Rename one of them/),
    });
    await rm(dir, { recursive: true });
  });

  it('counts applied as recorded, a missing file included, the same for every door', () => {
    const status = buildStatus(files.filter((f) => f.name !== '1001_b'), [
      { name: '1001_b', runOn: at('2025-01-01') },
      { name: '1002_c', runOn: at('2025-01-02') },
    ], downs);
    expect(migrationCounts(status)).toEqual({ total: 3, applied: 2, pending: 1, missingFile: 1, outOfOrder: 1, duplicateName: 0 });
  });

  it('up to date when everything is applied', () => {
    const status = buildStatus(files, files.map((f, i) => ({ name: f.name, runOn: at(`2025-01-0${i + 1}`) })), downs);
    expect(status).toMatchObject({ isUpToDate: true, pendingMigrations: [], lastMigration: '1002_c' });
  });
});
