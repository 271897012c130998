import { StudioError, type ChannelName, type Handlers } from '../contract';

type AuthoringChannel = Extract<ChannelName, `authoring/${string}` | 'migrations/source' | 'migrations/save'>;

const notYet = (): never => {
  throw new StudioError('internal', 'Not built yet.', { hint: 'Coming on branch h2/author-engine.' });
};

/** authoring/* and the editor's migrations/source, migrations/save bound to the engine. */
export function authoringHandlers(): Pick<Handlers, AuthoringChannel> {
  return {
    'migrations/source': async () => notYet(),
    'migrations/save': async () => notYet(),
    'authoring/preview': async () => notYet(),
    'authoring/lint': async () => notYet(),
    'authoring/up-down-up': async () => notYet(),
  };
}
