import { describe, expect, it } from 'vitest';
import { sharedInFlight } from './inFlight';

describe('sharedInFlight', () => {
  it('shares one pending read per key, and reads again once it has settled', async () => {
    const read = sharedInFlight<number>();
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve((calls += 1)), 20));
    const burst = await Promise.all([read('a', slow), read('a', slow), read('a', slow), read('b', slow)]);
    expect(burst).toEqual([1, 1, 1, 2]);
    expect(await read('a', slow)).toBe(3);
  });

  it('forgets a failed read too, so the next caller retries', async () => {
    const read = sharedInFlight<string>();
    await expect(read('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await read('k', async () => 'up')).toBe('up');
  });
});
