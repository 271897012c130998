// API of connection profiles, the keychain and the sandbox. Signatures are fixed (CLI, server and
// IPC build on them).
import { defaultDataDir as appDefaultDataDir } from '../appData';
import type { ConnectionStore, ConnectionStoreOptions } from './connectionStoreApi';
import { createConnectionStore } from './connectionStore';

export type { ConnectionStore, ConnectionStoreOptions } from './connectionStoreApi';
export { maskConnectionUrl, parseConnectionUrl } from './connectionUrl';
export { environmentColors } from './environmentColors';

/** Profiles in <dataDir>/connections.json, passwords in the OS keychain, the sandbox in <dataDir>/sandbox (started on first use). */
export async function openConnectionStore(options: ConnectionStoreOptions): Promise<ConnectionStore> {
  return createConnectionStore(options);
}

/** The app's data folder: PGM_STUDIO_DATA_DIR, else the OS's per-user config folder + /pgm-studio. */
export function defaultDataDir(): string {
  return appDefaultDataDir();
}
