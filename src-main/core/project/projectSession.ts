import { resolve } from 'node:path';
import { StudioError, type ProjectOpening, type ProjectSettings, type RecentProject } from '../../contract';
import { folderBelowRoot } from './projectsRoot';
import { readProject, type ProjectRead } from './readProject';
import { readRecentProjects, rememberProject } from './recentProjects';

export interface ProjectSessionOptions {
  dataDir: string;
  /** The folder given at start (--project, the current folder); else the last one opened, else `fallbackRoot`. */
  root?: string;
  /** The sample project: the zero-configuration first run. */
  fallbackRoot?: string;
  /** Keep the recent-projects list and reopen the last project at start (the desktop app). */
  remember?: boolean;
  /** serve --projects-root: the UI may open folders below it only. */
  projectsRoot?: string;
  /** The desktop app opens any folder; the server only below --projects-root; the CLI opens one with --project. */
  openAnywhere?: boolean;
  /** pgm-studio's own -f and flags: they describe the project the process was started on, not the ones opened later. */
  configFile?: string;
  overrides?: Partial<ProjectSettings>;
  env?: Record<string, string | undefined>;
}

/** Which project this studio works on, how it may change, and the recent ones. */
export function createProjectSession(options: ProjectSessionOptions) {
  let root: string | undefined = options.root;
  let opened = false;
  let starting: Promise<string> | undefined;

  const startRoot = async (): Promise<string> => {
    if (options.root) return resolve(options.root);
    if (options.remember) {
      for (const recent of (await readRecentProjects(options.dataDir).catch(() => [])).slice(0, 1)) {
        // A project that no longer reads (moved, deleted) falls back to the sample project.
        if (await readProject({ root: recent.root, env: options.env }).then(() => true, () => false)) return recent.root;
      }
    }
    return resolve(options.fallbackRoot ?? process.cwd());
  };

  const currentRoot = async () => {
    if (root === undefined) {
      starting ??= startRoot();
      root = await starting;
    }
    return root;
  };

  const opening: ProjectOpening = {
    pickFolder: false,
    open: options.openAnywhere ? 'anywhere' : options.projectsRoot ? 'below-root' : 'never',
    root: options.projectsRoot ? resolve(options.projectsRoot) : null,
  };

  return {
    opening,
    /** Read per call: the operator may edit package.json, .env or the config while the app is open. */
    async current(): Promise<ProjectRead> {
      const at = await currentRoot();
      const own = !opened;
      return readProject({ root: at, env: options.env, ...(own ? { configFile: options.configFile, overrides: options.overrides } : {}) });
    },
    async open(path: string): Promise<ProjectRead> {
      let folder: string;
      if (opening.open === 'anywhere') folder = resolve(path);
      else if (opening.open === 'below-root' && options.projectsRoot) folder = await folderBelowRoot(options.projectsRoot, path);
      else {
        throw new StudioError('forbidden', 'This server opens only the project it was started with.', {
          hint: 'Restart it with serve --project DIR, or with --projects-root DIR to let the UI open the folders below DIR.',
        });
      }
      const read = await readProject({ root: folder, env: options.env });
      root = read.info.root;
      opened = true;
      if (options.remember) await rememberProject(options.dataDir, read.info);
      return read;
    },
    async recent(): Promise<RecentProject[]> {
      return options.remember ? readRecentProjects(options.dataDir) : [];
    },
  };
}
export type ProjectSession = ReturnType<typeof createProjectSession>;
