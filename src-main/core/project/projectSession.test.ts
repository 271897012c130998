import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectSession } from './projectSession';

let base: string;
beforeEach(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'pgm-studio-session-')));
  for (const name of ['sample', 'mine']) await mkdir(join(base, name, 'migrations'), { recursive: true });
});
afterEach(async () => rm(base, { recursive: true, force: true }));

describe('createProjectSession (the desktop app)', () => {
  const desktop = () => createProjectSession({ dataDir: join(base, 'data'), fallbackRoot: join(base, 'sample'), remember: true, openAnywhere: true, env: {} });

  it('starts on the sample project, remembers what is opened, and reopens the last project at the next start', async () => {
    const first = desktop();
    expect((await first.current()).info.root).toBe(join(base, 'sample'));
    await first.open(join(base, 'mine'));
    expect((await first.current()).info.root).toBe(join(base, 'mine'));
    expect((await first.recent()).map((p) => p.root)).toEqual([join(base, 'mine')]);
    expect((await desktop().current()).info.root).toBe(join(base, 'mine'));
  });

  it('falls back to the sample project when the last one is gone', async () => {
    await desktop().open(join(base, 'mine'));
    await rm(join(base, 'mine'), { recursive: true });
    expect((await desktop().current()).info.root).toBe(join(base, 'sample'));
  });
});
