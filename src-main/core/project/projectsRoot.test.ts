import { mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderBelowRoot } from './projectsRoot';

let base: string;
let projectsRoot: string;
beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'pgm-studio-root-')));
  projectsRoot = join(base, 'projects');
  await mkdir(join(projectsRoot, 'course-tracker'), { recursive: true });
  await mkdir(join(base, 'secret-project'));
  await symlink(join(base, 'secret-project'), join(projectsRoot, 'escape'));
  await symlink(join(projectsRoot, 'course-tracker'), join(projectsRoot, 'alias'));
});
afterAll(async () => rm(base, { recursive: true, force: true }));

describe('folderBelowRoot (serve --projects-root)', () => {
  it('opens a folder below the root, by relative or absolute path, and a symlink that stays inside', async () => {
    await expect(folderBelowRoot(projectsRoot, 'course-tracker')).resolves.toBe(join(projectsRoot, 'course-tracker'));
    await expect(folderBelowRoot(projectsRoot, join(projectsRoot, 'course-tracker'))).resolves.toBe(join(projectsRoot, 'course-tracker'));
    await expect(folderBelowRoot(projectsRoot, 'alias')).resolves.toBe(join(projectsRoot, 'course-tracker'));
  });

  it('refuses a folder outside the root', async () => {
    await expect(folderBelowRoot(projectsRoot, join(base, 'secret-project'))).rejects.toMatchObject({ code: 'forbidden', hint: expect.stringContaining(projectsRoot) });
    await expect(folderBelowRoot(projectsRoot, '/etc')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a ".." escape, even one that would land back inside', async () => {
    await expect(folderBelowRoot(projectsRoot, '../secret-project')).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('..') });
    await expect(folderBelowRoot(projectsRoot, 'course-tracker/../course-tracker')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a symbolic link that leads out of the root', async () => {
    await expect(folderBelowRoot(projectsRoot, 'escape')).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('symbolic link') });
  });

  it('says when the folder does not exist', async () => {
    await expect(folderBelowRoot(projectsRoot, 'nope')).rejects.toMatchObject({ code: 'invalid-project' });
  });
});
