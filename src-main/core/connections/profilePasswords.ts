import type { ConnectionSummary } from '../../contract';
import type { Keychain, SessionSecrets } from '../secrets';

/** Where each profile's password lives: the OS keychain, or memory for "this session only". Never a file. */
export class ProfilePasswords {
  constructor(private readonly keychain: Keychain, private readonly session: SessionSecrets) {}

  sourceFor(stored: { profile: { id: string }; passwordInKeychain: boolean }): ConnectionSummary['passwordSource'] {
    if (this.session.has(stored.profile.id)) return 'session';
    return stored.passwordInKeychain ? 'keychain' : 'none';
  }

  keychainAvailable(): Promise<boolean> {
    return this.keychain.isAvailable();
  }

  /**
   * Apply a save's password choice and return whether the keychain now holds one.
   * undefined keeps what is there; '' removes it; sessionOnly keeps it in memory only.
   */
  async store(id: string, password: string | undefined, sessionOnly: boolean, inKeychain: boolean): Promise<boolean> {
    if (password === undefined) return inKeychain;
    if (sessionOnly) {
      if (password === '') this.session.delete(id);
      else this.session.set(id, password);
      return inKeychain;
    }
    if (password === '') {
      if (inKeychain) await this.keychain.delete(id);
      this.session.delete(id);
      return false;
    }
    await this.keychain.set(id, password);
    this.session.delete(id);
    return true;
  }

  async lookup(stored: { profile: { id: string }; passwordInKeychain: boolean }): Promise<string | undefined> {
    const inSession = this.session.get(stored.profile.id);
    if (inSession !== undefined) return inSession;
    if (!stored.passwordInKeychain) return undefined;
    return (await this.keychain.get(stored.profile.id)) ?? undefined;
  }

  async forget(id: string, inKeychain: boolean): Promise<void> {
    if (inKeychain) await this.keychain.delete(id);
    this.session.delete(id);
  }
}
