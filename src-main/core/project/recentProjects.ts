import { join } from 'node:path';
import * as z from 'zod';
import type { RecentProject } from '../../contract';
import { readJsonFile, writeJsonFileAtomic } from '../appData';

const maxRecent = 10;

/** <dataDir>/projects.json: the projects opened lately, newest first; the first is reopened at start. */
const recentProjectsFileSchema = z
  .object({
    version: z.literal(1),
    recent: z.array(z.object({ root: z.string().min(1), name: z.string(), openedAt: z.string() }).strict()).max(100),
  })
  .strict();

const fileFor = (dataDir: string) => join(dataDir, 'projects.json');

export async function readRecentProjects(dataDir: string): Promise<RecentProject[]> {
  return (await readJsonFile(fileFor(dataDir), recentProjectsFileSchema))?.recent ?? [];
}

/** Put a project first in the list (once), keeping the newest few. */
export async function rememberProject(dataDir: string, project: { root: string; name: string }, now: Date = new Date()): Promise<RecentProject[]> {
  const previous = await readRecentProjects(dataDir).catch(() => []);
  const recent = [{ root: project.root, name: project.name, openedAt: now.toISOString() }, ...previous.filter((p) => p.root !== project.root)].slice(0, maxRecent);
  await writeJsonFileAtomic(fileFor(dataDir), { version: 1, recent });
  return recent;
}
