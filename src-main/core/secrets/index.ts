export { openKeychain, type Keychain } from './keychain';
export { SessionSecrets } from './sessionSecrets';
