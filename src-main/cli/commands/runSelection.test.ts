import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { maxRunCount } from '../../contract';
import { parseCount } from './commandDeps';
import { selectionFrom } from './runSelection';

describe('parseCount', () => {
  it('takes a whole number up to the contract limit, else a usage error that names the range', () => {
    expect(parseCount('3')).toBe(3);
    expect(parseCount(String(maxRunCount))).toBe(maxRunCount);
    for (const value of ['0', '-1', '1.5', 'many', String(maxRunCount + 1)]) {
      expect(() => parseCount(value), value).toThrowError(InvalidArgumentError);
    }
    expect(() => parseCount(String(maxRunCount + 1))).toThrowError(String(maxRunCount));
  });
});

describe('selectionFrom', () => {
  it('refuses what the contract refuses, with a hint that fits each mistake', () => {
    expect(() => selectionFrom('up', { count: 2, to: '1734567890000_initial_database_setup' })).toThrowError(
      expect.objectContaining({ code: 'invalid-input', hint: expect.stringMatching(/--count N \(1 to \d+\) or --to NAME.*not both/) }),
    );
    // A path is not a name: the hint says so, and says nothing about giving count and to together.
    for (const to of ['../../etc/passwd', 'migrations/1734567890000_initial_database_setup', '..']) {
      let refusal: unknown;
      try {
        selectionFrom('down', { to });
      } catch (error) {
        refusal = error;
      }
      expect(refusal, to).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('path separators'), hint: expect.stringContaining('pgm-studio status') });
      expect((refusal as { hint: string }).hint, to).not.toMatch(/not both|--count/);
    }
    expect(selectionFrom('down', { to: '1734567890000_initial_database_setup' })).toEqual({ direction: 'down', to: '1734567890000_initial_database_setup' });
  });
});
