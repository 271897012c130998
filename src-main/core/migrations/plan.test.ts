import { describe, expect, it } from 'vitest';
import { assertOrder, planSelection } from './plan';

const files = ['1_a', '2_b', '3_c', '4_d'].map((name) => ({ name, file: `${name}.js` }));
const applied = (...names: string[]) => names.map((name) => ({ name, runOn: '2025-01-01T00:00:00.000Z' }));

describe('planSelection mirrors runner() with count', () => {
  it('up: all, next N, to NAME inclusive, and nothing when NAME is already applied', () => {
    expect(planSelection(files, applied('1_a'), { direction: 'up' })).toEqual(['2_b', '3_c', '4_d']);
    expect(planSelection(files, applied('1_a'), { direction: 'up', count: 2 })).toEqual(['2_b', '3_c']);
    expect(planSelection(files, applied('1_a'), { direction: 'up', to: '3_c' })).toEqual(['2_b', '3_c']);
    expect(planSelection(files, applied('1_a'), { direction: 'up', to: '1_a' })).toEqual([]);
    expect(() => planSelection(files, [], { direction: 'up', to: '9_zzz' })).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('down: last, N (capped), to NAME exclusive, in reverse run order', () => {
    const all = applied('1_a', '2_b', '3_c');
    expect(planSelection(files, all, { direction: 'down' })).toEqual(['3_c']);
    expect(planSelection(files, all, { direction: 'down', count: 2 })).toEqual(['3_c', '2_b']);
    expect(planSelection(files, all, { direction: 'down', count: 99 })).toEqual(['3_c', '2_b', '1_a']);
    expect(planSelection(files, all, { direction: 'down', to: '1_a' })).toEqual(['3_c', '2_b']);
    expect(planSelection(files, all, { direction: 'down', to: '3_c' })).toEqual([]);
    expect(planSelection(files, [], { direction: 'down' })).toEqual([]);
    expect(() => planSelection(files, all, { direction: 'down', to: '4_d' })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('refuses to revert a migration whose file is gone', () => {
    expect(() => planSelection(files.slice(0, 2), applied('1_a', '2_b', '3_c'), { direction: 'down' })).toThrow(expect.objectContaining({ code: 'missing-file' }));
  });
});

describe('assertOrder mirrors node-pg-migrate check-order', () => {
  it('passes for a prefix, fails naming the skipped or missing migration', () => {
    expect(() => assertOrder(files, applied('1_a', '2_b'))).not.toThrow();
    expect(() => assertOrder(files, applied('1_a', '3_c'))).toThrow(expect.objectContaining({ code: 'out-of-order', message: expect.stringContaining('2_b') }));
    expect(() => assertOrder(files, applied('1_a', '0_gone'))).toThrow(expect.objectContaining({ code: 'missing-file', message: expect.stringContaining('0_gone') }));
  });

  it('after an out-of-order apply (check-order was off), calls the migration applied, not pending, and says how to get out', () => {
    let refusal: unknown;
    try {
      assertOrder(files, applied('1_a', '3_c', '2_b'));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: 'out-of-order',
      message: expect.stringMatching(/^Migration 2_b was applied out of order: after 3_c/),
      hint: expect.stringContaining('down --count 2 --no-check-order'),
    });
    expect((refusal as Error).message).not.toMatch(/pending/i);
    // A recorded migration whose file is gone is still named first: that is what to fix.
    expect(() => assertOrder(files.filter((f) => f.name !== '2_b'), applied('1_a', '2_b', '3_c'))).toThrow(expect.objectContaining({ code: 'missing-file' }));
  });
});
