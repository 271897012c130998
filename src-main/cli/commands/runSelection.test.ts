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
    for (const options of [{ count: 2, to: '1734567890000_initial_database_setup' }, { to: '../evil' }]) {
      expect(() => selectionFrom('up', options)).toThrowError(expect.objectContaining({ code: 'invalid-input', hint: expect.stringMatching(/--count N \(1 to \d+\) or --to NAME/) }));
    }
    expect(selectionFrom('down', { to: '1734567890000_initial_database_setup' })).toEqual({ direction: 'down', to: '1734567890000_initial_database_setup' });
  });
});
