import { describe, expect, it } from 'vitest';
import { createRunGuard } from './runGuard';

describe('createRunGuard', () => {
  it('refuses a second run while one is in progress, then allows the next', async () => {
    const guard = createRunGuard();
    let finish = () => undefined as void;
    const first = guard.exclusive((runId) => new Promise<string>((resolve) => (finish = () => resolve(runId))));
    await expect(guard.exclusive(async () => 'second')).rejects.toMatchObject({ code: 'lock-held', hint: expect.any(String) });
    finish();
    const firstRunId = await first;
    expect(firstRunId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(guard.exclusive(async (runId) => runId)).resolves.not.toBe(firstRunId);
  });

  it('releases the guard when a run throws', async () => {
    const guard = createRunGuard();
    await expect(guard.exclusive(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(guard.activeRunId).toBeNull();
  });

  it('interrupt() aborts the running run\'s signal and resolves once the run has ended', async () => {
    const guard = createRunGuard();
    expect(await guard.interrupt()).toBe(false);
    const ended: string[] = [];
    const run = guard.exclusive((_runId, signal) => new Promise<string>((resolve) => signal.addEventListener('abort', () => setTimeout(() => resolve('rolled back'), 20))));
    void run.then((outcome) => ended.push(outcome));
    expect(await guard.interrupt()).toBe(true);
    expect(ended).toEqual(['rolled back']);
    expect(guard.activeRunId).toBeNull();
  });
});
