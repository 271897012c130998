import { StudioError, type ChannelName, type Handlers, type ProjectInfo, type ProjectOpening } from '../contract';
import type { ProjectSession } from '../core/project/projectSession';
import type { EventBus } from './eventBus';

type ProjectChannel = Extract<ChannelName, `project/${string}`>;

export interface ProjectDeps {
  session: ProjectSession;
  opening: ProjectOpening;
  events: EventBus;
  /** The native folder dialog: only the desktop app's door gives one. */
  pickFolder?: () => Promise<string | null>;
}

/** project/* : which project the studio works on, opening another, the recent ones. */
export function projectHandlers(deps: ProjectDeps): Pick<Handlers, ProjectChannel> {
  return {
    'project/current': async (): Promise<ProjectInfo> => (await deps.session.current()).info,
    'project/open': async ({ path }) => {
      const read = await deps.session.open(path);
      deps.events.emit({ type: 'project-changed' });
      return read.info;
    },
    'project/recent': async () => ({ projects: await deps.session.recent(), opening: deps.opening }),
    'project/pick-folder': async () => {
      if (!deps.pickFolder) {
        throw new StudioError('not-found', 'A folder dialog is not available here: only the desktop app has one.', {
          hint: 'Type the folder\'s path instead (server mode: a folder below serve --projects-root).',
        });
      }
      return { path: await deps.pickFolder() };
    },
  };
}
