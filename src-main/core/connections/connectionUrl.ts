import type { ConnectionProfile } from '../../contract';
import { StudioError } from '../../contract/errors';

type SslMode = ConnectionProfile['sslMode'];

export interface ParsedConnectionUrl {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  sslMode: SslMode;
}

const urlFormHint = 'Use the form postgres://user:password@host:5432/database?sslmode=require (percent-encode special characters in the user and password).';

/** `scheme://user:password@` -> `scheme://user:****@`, also in text that is not a valid URL. */
export function maskConnectionUrl(text: string): string {
  return text.replace(/(:\/\/[^:/@\s]*:)[^@\s]*@/g, '$1****@');
}

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
  const label = shown ? ` ${maskConnectionUrl(url)}` : '';
  return new StudioError('invalid-input', `The connection URL${label} is not usable: ${reason}.`, { hint: urlFormHint });
}

function decode(url: string, part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw invalid(url, `the ${what} has a broken percent-encoding`);
  }
}

/** Parse a DATABASE_URL (postgres:// or postgresql://) the way libpq reads one. */
export function parseConnectionUrl(url: string): ParsedConnectionUrl {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw invalid(url, 'it is not a URL', false);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw invalid(url, `it starts with ${parsed.protocol}// instead of postgres://`);
  const params = parsed.searchParams;
  const user = decode(url, parsed.username, 'user') || params.get('user') || '';
  if (!user) throw invalid(url, 'it names no user');
  const host = decode(url, parsed.hostname, 'host').replace(/^\[(.*)\]$/, '$1') || params.get('host') || 'localhost';
  const port = parsed.port ? Number(parsed.port) : Number(params.get('port') ?? 5432);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(url, 'the port is not a number between 1 and 65535');
  const database = decode(url, parsed.pathname.replace(/^\//, ''), 'database') || params.get('dbname') || user;
  const rawSsl = params.get('sslmode') ?? (params.get('ssl') === 'true' ? 'require' : 'prefer');
  const sslMode = sslModeAliases[rawSsl];
  if (!sslMode) throw invalid(url, `sslmode=${rawSsl} is unknown (use disable, prefer, require or verify-full)`);
  const password = parsed.password ? decode(url, parsed.password, 'password') : params.get('password') ?? undefined;
  return { host, port, database, user, sslMode, ...(password ? { password } : {}) };
}
