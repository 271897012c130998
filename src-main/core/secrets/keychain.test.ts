import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudioError } from '../../contract/errors';
import { openKeychain } from './keychain';

describe('keychain without a usable Secret Service', () => {
  it('fails fast as keychain-unavailable with the session-only hint when the bus does not exist', async () => {
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/pgm-studio-bus';
    const keychain = openKeychain();
    const started = Date.now();
    expect(await keychain.isAvailable()).toBe(false);
    const error = await keychain.set('profile-1', 'Unit-Secret-Value').then(() => undefined, (e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('keychain-unavailable');
    expect((error as StudioError).hint).toMatch(/gnome-keyring.*this session only/);
    expect(JSON.stringify((error as StudioError).toJSON())).not.toContain('Unit-Secret-Value');
  });

  it('an install without keytar (an optional dependency whose native build failed) reports the keychain unavailable, offering this session only', async () => {
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    delete process.env.DBUS_SESSION_BUS_ADDRESS; // no bus to check: the module load itself must fail
    try {
      // A real failed resolution, as Node reports it when node_modules/keytar is absent.
      const keychain = openKeychain({ loadModule: () => import(/* @vite-ignore */ ['keytar', 'not', 'installed'].join('-')) });
      expect(await keychain.isAvailable()).toBe(false);
      const error = await keychain.get('profile-1').then(() => undefined, (e: unknown) => e);
      expect(error).toMatchObject({ code: 'keychain-unavailable', message: expect.stringMatching(/keytar could not be loaded/), hint: expect.stringMatching(/this session only/) });
    } finally {
      if (saved !== undefined) process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });

  async function runFixture(mode: 'silent' | 'stalls') {
    const folder = await mkdtemp(join(tmpdir(), 'pgm-studio-bus-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'keychainHang.fixture.ts'), join(folder, 'bus'), mode]);
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
      clearTimeout(killer);
      type Outcome = { ms: number; value?: unknown; code?: string; message?: string };
      return { code, signal, stdout, result: JSON.parse(stdout) as Record<'probe' | 'save' | 'read', Outcome> };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  it('a bus that never answers is detected before keytar is called, so nothing hangs (the process exits by itself)', async () => {
    const { code, stdout, result } = await runFixture('silent');
    expect(code).toBe(0);
    expect(result.probe).toMatchObject({ value: false });
    expect(result.probe.ms).toBeLessThan(3_000);
    expect(result.save).toMatchObject({ code: 'keychain-unavailable' });
    expect(result.save.message).toContain('does not answer');
    expect(stdout).not.toContain('Hang-Secret-Value');
  }, 30_000);

  it('a keytar call that hangs times out, and later calls fail at once instead of piling up', async () => {
    const { signal, stdout, result } = await runFixture('stalls');
    expect(signal).toBe('SIGKILL'); // the fixture kills itself: the stuck native call blocks a normal exit
    expect(result.probe).toMatchObject({ value: false });
    expect(result.probe.ms).toBeGreaterThanOrEqual(700);
    expect(result.probe.ms).toBeLessThan(3_000);
    expect(result.save).toMatchObject({ code: 'keychain-unavailable' });
    expect(result.save.message).toContain('still waiting');
    expect(result.read.ms).toBeLessThan(200);
    expect(stdout).not.toContain('Hang-Secret-Value');
  }, 30_000);
});
