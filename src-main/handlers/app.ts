import packageJson from '../../package.json';
import type { AppInfo, Handlers, ProjectInfo, ProjectOpening } from '../contract';

export interface AppDeps {
  door: AppInfo['door'];
  project(): Promise<ProjectInfo>;
  projectOpening: ProjectOpening;
}

/** app/* : what the shell shows about itself and the open project. */
export function appHandlers(deps: AppDeps): Pick<Handlers, 'app/info'> {
  return {
    'app/info': async () => ({ version: packageJson.version, door: deps.door, project: await deps.project(), projectOpening: deps.projectOpening }),
  };
}
