import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { channelNames, StudioError, type Handlers } from '../contract';
import { createStudio } from './createStudio';
import { createRouter } from './router';

const databaseUrl = 'postgres://alice:s3cret-pw@db.example.test:6543/shop?sslmode=require';

async function studioRouter() {
  const log = vi.fn();
  // A --database-url studio never opens the connection store for the calls below: no sandbox, no keychain.
  const studio = createStudio({ dataDir: await mkdtemp(join(tmpdir(), 'pgm-router-')), databaseUrl, door: 'server', log });
  return { studio, log, router: createRouter(studio.handlers, log) };
}

describe('createRouter', () => {
  it('binds every contract channel exactly once', async () => {
    const { studio } = await studioRouter();
    expect(Object.keys(studio.handlers).sort()).toEqual([...channelNames].sort());
  });

  it('answers an unknown channel with an error envelope, including prototype names', async () => {
    const { router } = await studioRouter();
    for (const name of ['migrations/drop-everything', '__proto__', 'constructor', 'toString']) {
      const envelope = await router.dispatch(name, {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('rejects bad input with invalid-input, the zod issues summarised and no stack', async () => {
    const { router } = await studioRouter();
    const envelope = await router.dispatch('migrations/run', { selection: { direction: 'sideways', count: -1 }, extra: true });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('invalid-input');
    expect(envelope.error.message).toContain('selection.direction');
    expect(envelope.error.message).toContain('selection.count');
    expect(envelope.error.hint).toBeTruthy();
    const paths = (envelope.error.detail as { issues: { path: string }[] }).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['selection.direction', 'selection.count', '(input)']));
    expect(JSON.stringify(envelope)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects a non-object input (null, array, string) without throwing', async () => {
    const { router } = await studioRouter();
    for (const raw of ['run everything', [1, 2], 42]) {
      await expect(router.dispatch('migrations/status', raw)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('passes a StudioError from a real handler through with its code and hint', async () => {
    const { router } = await studioRouter();
    const envelope = await router.dispatch('connections/delete', { id: 'database-url' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input', hint: expect.stringContaining('Import') } });
  });

  it('answers a select of the DATABASE_URL entry with not-found when no URL was given', async () => {
    const studio = createStudio({ dataDir: await mkdtemp(join(tmpdir(), 'pgm-router-')), door: 'server' });
    const envelope = await createRouter(studio.handlers).dispatch('connections/select', { id: 'database-url' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('masks any other error as internal, logging it only to the process log', async () => {
    const log = vi.fn();
    const { studio } = await studioRouter();
    const handlers: Handlers = {
      ...studio.handlers,
      'migrations/lock': async () => {
        throw new Error('connect ECONNREFUSED postgres://alice:s3cret-pw@db.example.test/shop');
      },
    };
    const envelope = await createRouter(handlers, log).dispatch('migrations/lock', {});
    expect(envelope).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String), hint: expect.any(String) } });
    expect(JSON.stringify(envelope)).not.toContain('s3cret-pw');
    expect(JSON.stringify(envelope)).not.toContain('ECONNREFUSED');
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: expect.stringContaining('ECONNREFUSED') }));
  });

  it('masks a connection string password inside a StudioError message', async () => {
    const { studio } = await studioRouter();
    const handlers: Handlers = {
      ...studio.handlers,
      'migrations/lock': async () => {
        throw new StudioError('connection-failed', `Could not connect to ${databaseUrl}`, { hint: 'Check the server is running.' });
      },
    };
    const envelope = await createRouter(handlers).dispatch('migrations/lock', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'connection-failed', hint: 'Check the server is running.' } });
    expect(JSON.stringify(envelope)).not.toContain('s3cret-pw');
    expect(JSON.stringify(envelope)).toContain('alice:***@db.example.test');
  });

  it('returns the handler value in an ok envelope', async () => {
    const { studio } = await studioRouter();
    const handlers: Handlers = { ...studio.handlers, 'migrations/lock': async () => null };
    await expect(createRouter(handlers).dispatch('migrations/lock', undefined)).resolves.toEqual({ ok: true, value: null });
  });
});
