import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMigrationFolderCache } from './migrationFolderCache';

const withDown = 'exports.up = (pgm) => {};\nexports.down = (pgm) => {};\n';
const withoutDown = 'exports.up = (pgm) => {};\n';

describe('the migration folder cache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pgm-studio-folder-cache-'));
    await writeFile(join(dir, '1000_a.js'), withDown);
    await writeFile(join(dir, '1001_b.js'), withoutDown);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const downSteps = async (cache: ReturnType<typeof createMigrationFolderCache>) => Object.fromEntries(await cache.downSteps(dir, await cache.list(dir)));

  it('re-reads a file whose size changed', async () => {
    const cache = createMigrationFolderCache();
    expect(await downSteps(cache)).toEqual({ '1000_a.js': true, '1001_b.js': false });
    await writeFile(join(dir, '1001_b.js'), withDown);
    expect(await downSteps(cache)).toEqual({ '1000_a.js': true, '1001_b.js': true });
  });

  it('re-reads a file whose mtime changed at the same size', async () => {
    const cache = createMigrationFolderCache();
    const sameSize = 'exports.up = (pgm) => {};\nexports.xxxx = (pgm) => {};\n';
    expect(sameSize).toHaveLength(withDown.length);
    await writeFile(join(dir, '1000_a.js'), sameSize);
    await utimes(join(dir, '1000_a.js'), new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'));
    expect((await downSteps(cache))['1000_a.js']).toBe(false);
    await writeFile(join(dir, '1000_a.js'), withDown);
    await utimes(join(dir, '1000_a.js'), new Date('2025-01-01T00:00:01Z'), new Date('2025-01-01T00:00:01Z'));
    expect((await downSteps(cache))['1000_a.js']).toBe(true);
  });

  it('keeps an unchanged file\'s answer without reading it again', async () => {
    const cache = createMigrationFolderCache();
    await downSteps(cache);
    // Same size and mtime, other content: only a cached answer can still say "has a down".
    const mtime = new Date('2025-02-02T00:00:00Z');
    await utimes(join(dir, '1000_a.js'), mtime, mtime);
    await downSteps(cache);
    await writeFile(join(dir, '1000_a.js'), withDown.replace('down', 'dowm'));
    await utimes(join(dir, '1000_a.js'), mtime, mtime);
    expect((await downSteps(cache))['1000_a.js']).toBe(true);
  });

  it('lists a new file, in order, and forgets a removed one', async () => {
    const cache = createMigrationFolderCache();
    expect((await cache.list(dir)).map((f) => f.file)).toEqual(['1000_a.js', '1001_b.js']);
    await writeFile(join(dir, '0999_first.sql'), '-- Up Migration\nSELECT 1;\n-- Down Migration\nSELECT 1;\n');
    await rm(join(dir, '1001_b.js'));
    expect((await cache.list(dir)).map((f) => f.file)).toEqual(['0999_first.sql', '1000_a.js']);
    expect(await downSteps(cache)).toEqual({ '0999_first.sql': true, '1000_a.js': true });
  });

  it('still refuses a file without a numeric prefix', async () => {
    const cache = createMigrationFolderCache();
    await cache.list(dir);
    await writeFile(join(dir, 'create_users.js'), withDown);
    await expect(cache.list(dir)).rejects.toMatchObject({ code: 'invalid-project' });
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
