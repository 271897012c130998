import type { ProjectInfo, ProjectSettings } from '../../contract';
import { readProject } from './readProject';

export interface LoadProjectOptions {
  /** The project folder (default: the current folder). */
  root?: string;
  migrationsDir?: string;
  /** node-pg-migrate JSON config file (-f/--config-file). */
  configFile?: string;
  overrides?: Partial<ProjectSettings>;
  env?: Record<string, string | undefined>;
}

/** A project's settings and their sources (see readProject), without its database URL. */
export async function loadProject(options: LoadProjectOptions): Promise<ProjectInfo> {
  const overrides = { ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}), ...options.overrides };
  return (await readProject({ root: options.root, configFile: options.configFile, overrides, env: options.env })).info;
}
