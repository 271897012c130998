import type { ConnectionList } from '../../src-main/contract';
import { prefetch } from './httpTransport';

/**
 * Server mode only (Electron's IPC answers in no time): the calls every first screen makes, exactly
 * as the app will make them (useAppInfo, useConnections, then useMigrationStatus for the current
 * connection), so the app's first identical calls find their answers already on the way.
 */
export function prefetchFirstScreen(): void {
  if (window.studio) return;
  void prefetch('app/info', {});
  void prefetch('connections/list', {}).then((envelope) => {
    if (!envelope.ok) return;
    const { currentId } = envelope.value as ConnectionList;
    void prefetch('migrations/status', currentId ? { connectionId: currentId } : {});
  });
}
