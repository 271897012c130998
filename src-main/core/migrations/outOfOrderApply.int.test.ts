import { beforeAll, describe, expect, it } from 'vitest';
import { appliedNames } from './fixtures/databaseSnapshot';
import { olderBranchMergedSuite } from './fixtures/migrationSuite';
import { runMigrations } from './index';

describe('after a migration was applied out of order with check-order off', () => {
  const merged = olderBranchMergedSuite();
  const { target, checkOrderOff } = merged;

  // 200_b, merged from an older branch, then applied with --no-check-order.
  beforeAll(async () => {
    await runMigrations(target(), checkOrderOff(), { direction: 'up' });
  });

  it('down with check-order on calls 200_b applied, not pending, and its hint gets the order back', async () => {
    expect(await appliedNames(merged.db.url)).toEqual(['100_a', '300_c', '200_b']);
    const refusal = await runMigrations(target(), merged.project.settings, { direction: 'down' }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({
      code: 'out-of-order',
      message: expect.stringMatching(/^Migration 200_b was applied out of order: after 300_c/),
      hint: expect.stringContaining('down --count 2 --no-check-order'),
    });
    expect((refusal as Error).message).not.toMatch(/pending/i);
    expect(await appliedNames(merged.db.url)).toEqual(['100_a', '300_c', '200_b']);

    // What the hint says: revert the last two with check-order off, then a plain up.
    await runMigrations(target(), checkOrderOff(), { direction: 'down', count: 2 });
    expect((await runMigrations(target(), merged.project.settings, { direction: 'up' })).success).toBe(true);
    expect(await appliedNames(merged.db.url)).toEqual(['100_a', '200_b', '300_c']);
  });
});
