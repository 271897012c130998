import { StudioError } from '../../contract/errors';
import { maskUrlPasswords } from './masking';
import type { DatabaseEndpoint, SslMode } from './target';

export interface ParsedConnectionUrl extends DatabaseEndpoint {
  password?: string;
}

// Worded so that no password masking (`user:***@`) garbles the example.
const urlFormHint = 'Use the form postgres://user@host:5432/database?sslmode=require, with :password after the user when the server needs one (percent-encode special characters in the user and password).';

// libpq's sslmode values folded onto the four the app offers (verify-ca is made stricter, never looser).
const sslModeAliases: Record<string, SslMode> = {
  disable: 'disable',
  allow: 'prefer',
  prefer: 'prefer',
  require: 'require',
  'no-verify': 'require',
  'verify-ca': 'verify-full',
  'verify-full': 'verify-full',
};

/** `shown` false: text that is not a URL is never echoed, since a password in it cannot be located to mask it. */
function invalid(url: string, reason: string, shown = true): StudioError {
  const label = shown ? ` ${maskUrlPasswords(url)}` : '';
  return new StudioError('invalid-input', `The connection URL${label} is not usable: ${reason}.`, { hint: urlFormHint });
}

/** A broken %-escape is kept as typed instead of thrown as a URIError: pg, too, accepts such a URL. */
function decodeLikePg(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Parse a DATABASE_URL (postgres:// or postgresql://) the way libpq reads one. The one URL parser of the app. */
export function parseConnectionUrl(url: string): ParsedConnectionUrl {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw invalid(url, 'it is not a URL', false);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw invalid(url, `it starts with ${parsed.protocol}// instead of postgres://`);
  const params = parsed.searchParams;
  const user = decodeLikePg(parsed.username) || params.get('user') || '';
  if (!user) throw invalid(url, 'it names no user');
  const host = decodeLikePg(parsed.hostname).replace(/^\[(.*)\]$/, '$1') || params.get('host') || 'localhost';
  const port = parsed.port ? Number(parsed.port) : Number(params.get('port') ?? 5432);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(url, 'the port is not a number between 1 and 65535');
  const database = decodeLikePg(parsed.pathname.replace(/^\//, '')) || params.get('dbname') || user;
  const rawSsl = params.get('sslmode') ?? (params.get('ssl') === 'true' ? 'require' : 'prefer');
  const sslMode = sslModeAliases[rawSsl];
  if (!sslMode) throw invalid(url, `sslmode=${rawSsl} is unknown (use disable, prefer, require or verify-full)`);
  const password = parsed.password ? decodeLikePg(parsed.password) : params.get('password') ?? undefined;
  return { host, port, database, user, sslMode, ...(password ? { password } : {}) };
}
