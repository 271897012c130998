import { StudioError, type ChannelName, type Handlers } from '../contract';

type BackupsChannel = Extract<ChannelName, `backups/${string}` | `rollback/${string}` | `history/${string}` | 'migrations/stake'>;

const notYet = (channel: string) => async (): Promise<never> => {
  throw new StudioError('internal', `${channel} is not built yet.`, { hint: 'This channel is declared in the contract; its engine lands on h2/backup-engine.' });
};

/** backups/*, rollback/*, history/* and migrations/stake (contract first; the engine follows). */
export function backupsHandlers(): Pick<Handlers, BackupsChannel> {
  return {
    'backups/tools': notYet('backups/tools'),
    'backups/create': notYet('backups/create'),
    'backups/cancel': notYet('backups/cancel'),
    'backups/verify': notYet('backups/verify'),
    'backups/list': notYet('backups/list'),
    'backups/restore': notYet('backups/restore'),
    'migrations/stake': notYet('migrations/stake'),
    'rollback/plan': notYet('rollback/plan'),
    'rollback/preflight': notYet('rollback/preflight'),
    'rollback/run': notYet('rollback/run'),
    'history/list': notYet('history/list'),
    'history/export': notYet('history/export'),
  };
}
