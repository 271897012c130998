export { keychainService, keychainUnavailableHint, openKeychain, type Keychain, type KeychainOptions } from './keychain';
export { SessionSecrets } from './sessionSecrets';
