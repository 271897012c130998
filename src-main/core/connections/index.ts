// The connections domain: profiles, their passwords (keychain or this session) and the sandbox
// as one connection. The CLI, the server and IPC reach it through the handlers.
export type { ConnectionStore, ConnectionStoreOptions } from './connectionStoreApi';
export { openConnectionStore } from './connectionStore';
export { testConnection } from './connectionTest';
export { environmentColors } from './environmentColors';
export { defaultDataDir } from '../appData';
