import { adHocConnectionId, StudioError, type ConnectionSummary, type ConnectionProfile } from '../contract';
import type { DatabaseTarget } from '../core/migrations';

export interface AdHocConnection {
  summary: ConnectionSummary;
  /** The URL as given: runs and "Test connection" both connect with exactly this. */
  target: DatabaseTarget;
}

const sslModeFrom = (value: string | null): ConnectionProfile['sslMode'] => {
  if (value === 'require' || value === 'verify-full' || value === 'disable') return value;
  if (value === 'verify-ca' || value === 'no-verify') return 'require';
  return 'prefer';
};

/** A broken %-escape is kept as typed instead of thrown as a URIError: pg, too, accepts such a URL. */
const decodeLikePg = (part: string) => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

// Worded so that no door's password masking (`user:***@`) garbles the example.
const urlFormHint = 'Use the form postgres://user@host:5432/database, with :password after the user when the server needs one.';

/** Describe a DATABASE_URL as a connection entry for the list (password left out) plus the target to connect with. */
export function adHocConnection(databaseUrl: string): AdHocConnection {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new StudioError('invalid-input', 'The database URL is not a valid URL.', {
      hint: urlFormHint,
    });
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StudioError('invalid-input', `The database URL must start with postgres:// or postgresql:// (got ${url.protocol}//).`, {
      hint: urlFormHint,
    });
  }
  const user = decodeLikePg(url.username) || 'postgres';
  const database = decodeLikePg(url.pathname.replace(/^\//, '')) || user;
  const summary: ConnectionSummary = {
    id: adHocConnectionId,
    name: 'DATABASE_URL (this session)',
    host: decodeLikePg(url.hostname.replace(/^\[|\]$/g, '')) || 'localhost',
    port: url.port ? Number(url.port) : 5432,
    database,
    user,
    sslMode: sslModeFrom(url.searchParams.get('sslmode')),
    environment: 'development',
    color: '#868e96',
    passwordSource: url.password ? 'session' : 'none',
    isSandbox: false,
  };
  return { summary, target: { connectionString: databaseUrl } };
}
