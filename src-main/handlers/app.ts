import packageJson from '../../package.json';
import type { Handlers, ProjectInfo } from '../contract';

export interface AppDeps {
  door: 'electron' | 'server';
  project(): Promise<ProjectInfo>;
}

/** app/* : what the shell shows about itself and the open project. */
export function appHandlers(deps: AppDeps): Pick<Handlers, 'app/info'> {
  return {
    'app/info': async () => ({ version: packageJson.version, door: deps.door, project: await deps.project() }),
  };
}
