import { StudioError } from '../contract';
import type { DatabaseTarget } from '../core/migrations';
import { maskUrlPasswords } from '../core/secrets/secretMasking';

export interface ParsedDatabaseUrl {
  target: DatabaseTarget;
  /** The URL with its password replaced by ***. */
  label: string;
  /** Decoded password, so it can be masked wherever it shows up. */
  password?: string;
}

/** A `postgres://` URL, as node-pg-migrate's DATABASE_URL takes it, turned into a pg client config. */
export function parseDatabaseUrl(url: string, origin: '--database-url' | 'DATABASE_URL'): ParsedDatabaseUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StudioError('invalid-input', `${origin} is not a valid URL.`, {
      hint: 'Use the form postgres://user@host:5432/database, with :password after the user when the server needs one.',
    });
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new StudioError('invalid-input', `${origin} must start with postgres:// or postgresql:// (got ${parsed.protocol}//).`, {
      hint: 'Use the form postgres://user@host:5432/database, with :password after the user when the server needs one.',
    });
  }
  const password = parsed.password ? safeDecode(parsed.password) : undefined;
  return {
    // application_name lets a second run name this one as the lock holder.
    target: { connectionString: url, application_name: 'pgm-studio', connectionTimeoutMillis: 10_000 },
    label: maskUrlPasswords(url),
    password,
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
