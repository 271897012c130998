import { describe, expect, it } from 'vitest';
import type { MigrationRunResponse } from '../../contract';
import { Terminal } from '../terminal';
import { formatAftermath } from './failureReport';
import { countByDirection, reportRun } from './runReport';
import { createStyle } from '../terminal';

const result = (name: string, direction: 'up' | 'down', success = true) => ({ name, direction, timestamp: '2026-01-01T00:00:00.000Z', success });

function capture() {
  let stdout = '';
  let stderr = '';
  const terminal = new Terminal({ write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { terminal, stdout: () => stdout, stderr: () => stderr };
}

describe('countByDirection', () => {
  it('counts each direction: a redo is one down and one up, not "2 migrations down"', () => {
    expect(countByDirection([result('1_a', 'down'), result('1_a', 'up')])).toBe(' (1 migration down, 1 up)');
    expect(countByDirection([result('1_a', 'up'), result('2_b', 'up')])).toBe(' (2 migrations up)');
    expect(countByDirection([result('1_a', 'up', false)])).toBe('');
  });

  it('is what a successful redo prints', () => {
    const out = capture();
    const response: MigrationRunResponse = { results: [result('1_a', 'down'), result('1_a', 'up')], message: 'Migrations executed successfully', success: true };
    expect(reportRun(out.terminal, response, false)).toBe(0);
    expect(out.stdout()).toBe('Migrations executed successfully (1 migration down, 1 up)\n');
  });
});

describe('a failed run on stderr', () => {
  it('lists what a part-done noTransaction migration left, the SQL to undo it and to record it, then error and hint', () => {
    const out = capture();
    const response: MigrationRunResponse = {
      results: [result('1_a', 'up'), result('2_idx', 'up', false)],
      message: 'Migration 2_idx failed: division by zero. …',
      success: false,
      failure: {
        migration: '2_idx',
        message: 'division by zero',
        pgCode: '22012',
        hint: 'undo or finish it by hand',
        changes: { recorded: ['1_a'], unrecorded: [], schema: { added: ['table public.a', 'index a_idx on public.a'], removed: [], altered: [] } },
        outsideTransaction: {
          failedStatement: 2,
          leftovers: { added: ['index a_idx on public.a'], removed: [], altered: [] },
          undo: ['DROP INDEX CONCURRENTLY IF EXISTS "public"."a_idx";'],
          record: `INSERT INTO "public"."pgmigrations" (name, run_on) VALUES ('2_idx', NOW());`,
        },
      },
    };
    expect(reportRun(out.terminal, response, false)).toBe(1);
    expect(out.stderr().split('\n')).toEqual([
      'Recorded as applied now:',
      '  1_a',
      'Left by 2_idx (ran outside a transaction, failed at its statement 2, not recorded):',
      '  + index a_idx on public.a',
      'To undo it by hand (review first):',
      '  DROP INDEX CONCURRENTLY IF EXISTS "public"."a_idx";',
      'Or, once you finished it by hand, record it:',
      `  INSERT INTO "public"."pgmigrations" (name, run_on) VALUES ('2_idx', NOW());`,
      'error: Migration 2_idx failed: division by zero. …',
      'hint: undo or finish it by hand',
      '',
    ]);
  });

  it('prints no aftermath when the database was checked unchanged', () => {
    const unchanged = { recorded: [], unrecorded: [], schema: { added: [], removed: [], altered: [] } };
    expect(formatAftermath({ migration: null, message: 'x', changes: unchanged }, createStyle(false))).toEqual([]);
  });
});
