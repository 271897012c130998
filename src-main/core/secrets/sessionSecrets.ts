/** Passwords the user chose to keep for this session only: memory, never disk, gone when the process exits. */
export class SessionSecrets {
  readonly #passwords = new Map<string, string>();

  get(account: string): string | undefined {
    return this.#passwords.get(account);
  }

  has(account: string): boolean {
    return this.#passwords.has(account);
  }

  set(account: string, password: string): void {
    this.#passwords.set(account, password);
  }

  delete(account: string): boolean {
    return this.#passwords.delete(account);
  }

  /** Keep secrets out of console.log / util.inspect of the store. */
  toJSON(): string {
    return `[SessionSecrets: ${this.#passwords.size} entries]`;
  }
}
