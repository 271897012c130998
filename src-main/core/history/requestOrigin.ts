import { AsyncLocalStorage } from 'node:async_hooks';
import type { HistoryEntry } from '../../contract';

/** Who a request came from when the door knows better than the studio: the seed API's token role. */
export interface RequestOrigin {
  door: HistoryEntry['door'];
  actor: HistoryEntry['actor'];
}

const origin = new AsyncLocalStorage<RequestOrigin>();

/** Runs `work` (a dispatch) with its origin attached, for the audit log. */
export function withRequestOrigin<T>(requestOrigin: RequestOrigin, work: () => Promise<T>): Promise<T> {
  return origin.run(requestOrigin, work);
}

export const currentRequestOrigin = (): RequestOrigin | undefined => origin.getStore();
