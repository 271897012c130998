import { describe, expect, it } from 'vitest';
import { appliedNames, tableNames } from './fixtures/databaseSnapshot';
import { olderBranchMergedSuite } from './fixtures/migrationSuite';
import { redoMigrations } from './index';

describe('redo with check-order off and an older pending file', () => {
  // Merged from an older branch, not applied yet: it sorts before the last applied one.
  const merged = olderBranchMergedSuite();
  const { target, checkOrderOff } = merged;

  it('re-applies exactly what it reverted, or stops with everything rolled back; it never applies 200_b instead of 300_c', async () => {
    const refusal = await redoMigrations(target(), checkOrderOff(), 1).catch((e: unknown) => e);
    expect(refusal).toMatchObject({
      code: 'plan-changed',
      message: expect.stringContaining('Redo would re-apply 200_b instead of 300_c'),
      hint: expect.stringContaining('up --to 300_c'),
    });
    expect(await appliedNames(merged.db.url)).toEqual(['100_a', '300_c']);
    expect(await tableNames(merged.db.url)).toEqual(['a_table', 'c_table', 'pgmigrations']);
  });
});
