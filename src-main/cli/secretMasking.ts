// Passwords must never reach a terminal, a log or a CI transcript: every line the CLI writes
// passes through here, whatever produced it (our messages, engine errors, PostgreSQL errors).

/** `scheme://user:password@` -> `scheme://user:***@` anywhere in a text. */
export function maskUrlPasswords(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, '$1***@');
}

export class SecretMasker {
  private readonly secrets = new Set<string>();

  /** Also hide this exact value (a password given in a URL may show up decoded, e.g. in a pg error). */
  add(secret: string | undefined): void {
    // Very short values would mask ordinary words; URL masking still covers them.
    if (secret && secret.length >= 3) this.secrets.add(secret);
  }

  mask(text: string): string {
    let masked = maskUrlPasswords(text);
    for (const secret of this.secrets) masked = masked.split(secret).join('***');
    return masked;
  }
}
