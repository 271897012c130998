import { mkdir, mkdtemp, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMigrationFolderCache, type MigrationFolderCache } from './migrationFolderCache';

const withDown = 'exports.up = (pgm) => {};\nexports.down = (pgm) => {};\n';
const withoutDown = 'exports.up = (pgm) => {};\n';

// Both ways a folder is kept: with the fs.watch this machine trusts (Linux, a local file system) and
// with none (macOS, Windows, network file systems), where every call stats every file.
describe.each([
  ['with the folder watched', {}],
  ['without a watch', { watchFolder: () => null }],
] as const)('the migration folder cache, %s', (_mode, options) => {
  let dir: string;
  let cache: MigrationFolderCache;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pgm-studio-folder-cache-'));
    await writeFile(join(dir, '1000_a.js'), withDown);
    await writeFile(join(dir, '1001_b.js'), withoutDown);
    cache = createMigrationFolderCache(options);
  });
  afterEach(async () => {
    cache.close();
    await rm(dir, { recursive: true, force: true });
  });

  const downSteps = async () => Object.fromEntries((await cache.scan(dir)).hasDown);
  const listed = async () => (await cache.scan(dir)).files.map((f) => f.file);

  it('re-reads a file whose size changed', async () => {
    expect(await downSteps()).toEqual({ '1000_a.js': true, '1001_b.js': false });
    await writeFile(join(dir, '1001_b.js'), withDown);
    expect(await downSteps()).toEqual({ '1000_a.js': true, '1001_b.js': true });
  });

  it('re-reads a file whose mtime changed at the same size', async () => {
    const sameSize = 'exports.up = (pgm) => {};\nexports.xxxx = (pgm) => {};\n';
    expect(sameSize).toHaveLength(withDown.length);
    await writeFile(join(dir, '1000_a.js'), sameSize);
    await utimes(join(dir, '1000_a.js'), new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'));
    expect((await downSteps())['1000_a.js']).toBe(false);
    await writeFile(join(dir, '1000_a.js'), withDown);
    await utimes(join(dir, '1000_a.js'), new Date('2025-01-01T00:00:01Z'), new Date('2025-01-01T00:00:01Z'));
    expect((await downSteps())['1000_a.js']).toBe(true);
  });

  it('sees a file edited in place right after a call, at the same size, in the same second', async () => {
    const sameSize = 'exports.up = (pgm) => {};\nexports.xxxx = (pgm) => {};\n';
    const old = new Date('2025-01-01T00:00:00Z');
    await utimes(join(dir, '1000_a.js'), old, old);
    expect((await downSteps())['1000_a.js']).toBe(true);
    expect((await downSteps())['1000_a.js']).toBe(true);
    await writeFile(join(dir, '1000_a.js'), sameSize);
    expect((await downSteps())['1000_a.js']).toBe(false);
    await writeFile(join(dir, '1000_a.js'), withDown);
    expect((await downSteps())['1000_a.js']).toBe(true);
  });

  it('keeps an unchanged file\'s answer without reading it again', async () => {
    await downSteps();
    // Same size and mtime, other content: only a cached answer can still say "has a down".
    const mtime = new Date('2025-02-02T00:00:00Z');
    await utimes(join(dir, '1000_a.js'), mtime, mtime);
    await downSteps();
    await writeFile(join(dir, '1000_a.js'), withDown.replace('down', 'dowm'));
    await utimes(join(dir, '1000_a.js'), mtime, mtime);
    expect((await downSteps())['1000_a.js']).toBe(true);
  });

  it('reads again a file written just before it was read (its mtime could repeat)', async () => {
    const thisSecond = new Date(Math.floor(Date.now() / 1000) * 1000);
    await utimes(join(dir, '1000_a.js'), thisSecond, thisSecond);
    expect((await downSteps())['1000_a.js']).toBe(true);
    // A second write in the same mtime tick, same size: no stat can tell, so a fresh file is read again.
    await writeFile(join(dir, '1000_a.js'), withDown.replace('down', 'dowm'));
    await utimes(join(dir, '1000_a.js'), thisSecond, thisSecond);
    expect((await downSteps())['1000_a.js']).toBe(false);
  });

  it('lists a new file, in order, and forgets a removed one', async () => {
    expect(await listed()).toEqual(['1000_a.js', '1001_b.js']);
    await writeFile(join(dir, '0999_first.sql'), '-- Up Migration\nSELECT 1;\n-- Down Migration\nSELECT 1;\n');
    await rm(join(dir, '1001_b.js'));
    expect(await listed()).toEqual(['0999_first.sql', '1000_a.js']);
    expect(await downSteps()).toEqual({ '0999_first.sql': true, '1000_a.js': true });
  });

  it('shows a renamed file under its new name, and a file replaced by a rename', async () => {
    await downSteps();
    await rename(join(dir, '1001_b.js'), join(dir, '1002_b.js'));
    expect(await downSteps()).toEqual({ '1000_a.js': true, '1002_b.js': false });
    // How editors save: write a temporary file, rename it over the old one.
    await writeFile(join(dir, '.1002_b.js.tmp'), withDown);
    await rename(join(dir, '.1002_b.js.tmp'), join(dir, '1002_b.js'));
    expect(await downSteps()).toEqual({ '1000_a.js': true, '1002_b.js': true });
  });

  it('sees a file replaced by another of the same size and mtime (rsync -a, cp -p)', async () => {
    const mtime = new Date('2025-03-03T00:00:00Z');
    await utimes(join(dir, '1000_a.js'), mtime, mtime);
    expect((await downSteps())['1000_a.js']).toBe(true);
    await writeFile(join(dir, '.incoming'), withDown.replace('down', 'dowm'));
    await utimes(join(dir, '.incoming'), mtime, mtime);
    await rename(join(dir, '.incoming'), join(dir, '1000_a.js'));
    expect((await downSteps())['1000_a.js']).toBe(false);
  });

  it('follows a folder removed and made again at the same path', async () => {
    await downSteps();
    await rm(dir, { recursive: true });
    await mkdir(dir);
    await writeFile(join(dir, '1000_a.js'), withoutDown);
    expect(await downSteps()).toEqual({ '1000_a.js': false });
    // An edit in the new folder shows too: it is watched, not the removed one.
    await writeFile(join(dir, '1000_a.js'), withDown);
    expect(await downSteps()).toEqual({ '1000_a.js': true });
  });

  it('sees an edit of a linked file\'s target outside the folder', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'pgm-studio-linked-'));
    try {
      await writeFile(join(elsewhere, 'shared.js'), withoutDown);
      await symlink(join(elsewhere, 'shared.js'), join(dir, '1002_linked.js'));
      expect((await downSteps())['1002_linked.js']).toBe(false);
      expect((await downSteps())['1002_linked.js']).toBe(false);
      await writeFile(join(elsewhere, 'shared.js'), withDown);
      expect((await downSteps())['1002_linked.js']).toBe(true);
      expect(cache.version(dir, '1002_linked.js')).toBeUndefined();
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('reads a large file to its end', async () => {
    await writeFile(join(dir, '1002_large.js'), `${'// padding\n'.repeat(20_000)}exports.up = (pgm) => {};\nexports.down = (pgm) => {};\n`);
    expect((await downSteps())['1002_large.js']).toBe(true);
  });

  it('tells the size and mtime it last saw of each file', async () => {
    await downSteps();
    const { size, mtimeMs } = await stat(join(dir, '1000_a.js'));
    expect(cache.version(dir, '1000_a.js')).toMatchObject({ size, mtimeMs });
    expect(cache.version(dir, '1099_none.js')).toBeUndefined();
  });

  it('answers calls made at once alike, an edit between them included', async () => {
    const first = cache.scan(dir);
    const write = writeFile(join(dir, '1001_b.js'), withDown);
    await write;
    const second = cache.scan(dir);
    expect(Object.fromEntries((await second).hasDown)['1001_b.js']).toBe(true);
    await first;
  });

  it('still refuses a file without a numeric prefix, and lists again once it is gone', async () => {
    await cache.scan(dir);
    await writeFile(join(dir, 'create_users.js'), withDown);
    await expect(cache.scan(dir)).rejects.toMatchObject({ code: 'invalid-project' });
    await expect(cache.scan(dir)).rejects.toMatchObject({ code: 'invalid-project' });
    await rm(join(dir, 'create_users.js'));
    expect(await listed()).toEqual(['1000_a.js', '1001_b.js']);
  });

  it('refuses a folder that is not there, with a hint', async () => {
    await rm(dir, { recursive: true });
    await expect(cache.scan(dir)).rejects.toMatchObject({ code: 'invalid-project', hint: expect.stringContaining('--migrations-dir') });
  });
});

describe('run order', () => {
  it('sorts exactly as node-pg-migrate\'s compareMigrationFileNames, ties and punctuation included', async () => {
    const { compareMigrationFileNames } = await import('node-pg-migrate/utils/comparators');
    const { compareFileNames, sortInRunOrder } = await import('./migrationFiles');
    const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const names = ['20250101000000000_b.js', '1_z.js', '10_a.sql', '2_a.js', '0002_a.js', '20250101000000000_a-b.js', '20250101000000000_a_b.js', '20250101000000000_A.js', '1700000000000_x10.js', '1700000000000_x9.js', '1700000000000_x.ts', '003_é.js', '003_e.js'];
    const theirs = [...names].sort((a, b) => compareMigrationFileNames(a, b, silent));
    expect(sortInRunOrder(names, (n) => n)).toEqual(theirs);
    expect([...names].sort(compareFileNames)).toEqual(theirs);
  });
});
