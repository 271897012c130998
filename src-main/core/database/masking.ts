// Passwords must never reach a terminal, a log, an error envelope or a CI transcript. Every door
// (CLI output, the router's error shape, the process log) and every database error masks through
// this one module, with one mark: `***`.

const mark = '***';

/**
 * `scheme://user:password@` -> `scheme://user:***@` anywhere in a text, also where it is not a valid
 * URL; and a `?password=` / `&password=` query parameter (pg and libpq read the password from it too).
 */
export function maskUrlPasswords(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s]*@/gi, `$1:${mark}@`)
    .replace(/([?&]password=)[^&#\s]*/gi, `$1${mark}`);
}

/** Hide one known password wherever it appears in a text (e.g. a server message that echoes it). */
export function maskPassword(text: string, password: string | undefined): string {
  return password && password.length > 0 ? text.split(password).join(mark) : text;
}

export class SecretMasker {
  private readonly secrets = new Set<string>();

  /** Also hide this exact value (a password given in a URL may show up decoded, e.g. in a pg error). */
  add(secret: string | undefined): void {
    // Very short values would mask ordinary words; URL masking still covers them.
    if (secret && secret.length >= 3) this.secrets.add(secret);
  }

  /** Hide the decoded password of a `postgres://` URL; anything that is not a URL is left to the command to report. */
  addUrlPassword(url: string): void {
    try {
      const { password, searchParams } = new URL(url);
      this.add(password ? decodeURIComponentSafely(password) : undefined);
      // searchParams are decoded already.
      this.add(searchParams.get('password') ?? undefined);
    } catch {
      // Not a URL: nothing to hide beyond what maskUrlPasswords already does.
    }
  }

  mask(text: string): string {
    let masked = maskUrlPasswords(text);
    for (const secret of this.secrets) masked = maskPassword(masked, secret);
    return masked;
  }
}

function decodeURIComponentSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
