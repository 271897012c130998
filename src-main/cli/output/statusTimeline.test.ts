import { describe, expect, it } from 'vitest';
import type { MigrationStatus } from '../../contract';
import { createStyle } from '../terminal';
import { formatRunOn, formatStatusTimeline } from './statusTimeline';

const where = { database: 'postgres://app:***@db/app', migrationsDir: 'migrations' };

describe('formatStatusTimeline', () => {
  it('shows every state, run_on in UTC, and what to do when not up to date', () => {
    const status: MigrationStatus = {
      appliedMigrations: ['1_a', '2_gone', '4_d'],
      pendingMigrations: ['3_late'],
      lastMigration: '4_d',
      isUpToDate: false,
      migrations: [
        { name: '1_a', timestamp: 1, file: '1_a.js', state: 'applied', runOn: '2026-01-02T03:04:05.678Z', hasDown: true },
        { name: '2_gone', timestamp: 2, file: null, state: 'missing-file', runOn: '2026-01-02T03:04:06.000Z', hasDown: null },
        { name: '3_late', timestamp: 3, file: '3_late.sql', state: 'out-of-order', runOn: null, hasDown: false },
        { name: '4_d', timestamp: 4, file: '4_d.js', state: 'applied', runOn: '2026-01-02T03:04:07.000Z', hasDown: true },
      ],
    };
    expect(formatStatusTimeline(status, createStyle(false), where)).toEqual([
      'Migrations in migrations on postgres://app:***@db/app',
      '  ✓ applied      1_a     2026-01-02 03:04:05 UTC',
      '  ✗ missing file 2_gone  2026-01-02 03:04:06 UTC',
      '  ! out of order 3_late  (no down step)',
      '  ✓ applied      4_d     2026-01-02 03:04:07 UTC',
      '',
      // Applied as the UI counts it (migrationCounts): recorded in pgmigrations, the missing file included.
      '4 migrations · 3 applied · 1 pending · 1 missing file · 1 out of order',
      'Last applied: 4_d',
      'Not up to date: run `pgm-studio up` to apply the pending migrations.',
    ]);
  });

  it('flags a name two files share, naming both, and says no run starts until one is renamed', () => {
    const status: MigrationStatus = {
      appliedMigrations: ['1_a'],
      pendingMigrations: ['2_same'],
      lastMigration: '1_a',
      isUpToDate: false,
      migrations: [
        { name: '1_a', timestamp: 1, file: '1_a.js', state: 'applied', runOn: '2026-01-02T03:04:05.678Z', hasDown: true },
        { name: '2_same', timestamp: 2, file: '2_same.js', state: 'duplicate-name', runOn: null, hasDown: true, duplicateFiles: ['2_same.js', '2_same.sql'] },
      ],
    };
    expect(formatStatusTimeline(status, createStyle(false), where).slice(1)).toEqual([
      '  ✓ applied      1_a     2026-01-02 03:04:05 UTC',
      '  ✗ duplicate    2_same  2_same.js and 2_same.sql share this name: rename one',
      '',
      '2 migrations · 1 applied · 1 pending · 1 duplicate name',
      'Last applied: 1_a',
      'Two files share a migration name: rename one of each pair. No run starts until then.',
    ]);
  });

  it('says how to start when there are no migrations', () => {
    const empty: MigrationStatus = { appliedMigrations: [], pendingMigrations: [], lastMigration: null, isUpToDate: true, migrations: [] };
    expect(formatStatusTimeline(empty, createStyle(false), where)[1]).toMatch(/pgm-studio create/);
  });

  it('colors only when asked', () => {
    const status: MigrationStatus = { appliedMigrations: [], pendingMigrations: [], lastMigration: null, isUpToDate: true, migrations: [] };
    expect(formatStatusTimeline(status, createStyle(true), where)[0]).toContain('\u001b[1m');
    expect(formatRunOn('not a date')).toBe('not a date');
  });
});
