import { StudioError } from '../../contract/errors';

/**
 * What a connection attempt used. A `pg.Client` is one: it has already merged the target (a
 * connection string too) with pg's defaults, so the error names what was really tried.
 */
export interface ConnectAttempt {
  host: string;
  port: number;
  database?: string;
  user?: string;
  /** Only used to scrub it out of any text that could echo it. */
  password?: string;
}

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE']);

function scrub(text: string, password: string | undefined): string {
  return password && password.length > 0 ? text.split(password).join('****') : text;
}

/** Turn whatever pg or the socket threw into a StudioError with a next step; never echoes the password. */
export function connectErrorFor(error: unknown, tried: ConnectAttempt): StudioError {
  if (error instanceof StudioError) return error;
  const attempt = { ...tried, database: tried.database ?? '', user: tried.user ?? '' };
  const err = error as { code?: string; message?: string };
  const code = typeof err.code === 'string' ? err.code : undefined;
  const message = scrub(String(err.message ?? error), attempt.password);
  const where = `${attempt.host}:${attempt.port}`;
  const detail = { code, host: attempt.host, port: attempt.port, database: attempt.database, user: attempt.user, reason: message };
  if (code === '28P01') {
    return new StudioError('auth-failed', `PostgreSQL at ${where} rejected the password for user "${attempt.user}".`, {
      hint: 'Check the user name and password (re-enter the password and save the connection again).', detail,
    });
  }
  if (code === '28000') {
    return new StudioError('auth-failed', `PostgreSQL at ${where} refused user "${attempt.user}": ${message}`, {
      hint: 'Check that the role exists and that pg_hba.conf allows it from this machine (and with this SSL mode).', detail,
    });
  }
  // pg's own client-side refusal, e.g. "SASL: ... client password must be a string" (no password saved).
  if (!code && /password/i.test(message)) {
    return new StudioError('auth-failed', `PostgreSQL at ${where} needs a password for user "${attempt.user}": ${message}`, {
      hint: 'Enter the password for this connection (or use a DATABASE_URL that includes it).', detail,
    });
  }
  if (code === '3D000') {
    return new StudioError('connection-failed', `Database "${attempt.database}" does not exist on ${where}.`, {
      hint: `Create it (createdb -h ${attempt.host} -p ${attempt.port} -U ${attempt.user} ${attempt.database}) or correct the database name in the connection.`, detail,
    });
  }
  if (code === '53300' || code === '57P03') {
    return new StudioError('connection-failed', `PostgreSQL at ${where} is not accepting connections right now: ${message}`, {
      hint: 'Wait a moment and try again; if it persists, check the server (connection limit, startup or shutdown in progress).', detail,
    });
  }
  if ((code && networkCodes.has(code)) || /timeout|timed out|terminated unexpectedly/i.test(message)) {
    return new StudioError('connection-failed', `Could not reach PostgreSQL at ${where}: ${message}`, {
      hint: `Check that a server is running on ${where}, that the host name and port are right, and that no firewall or VPN blocks it.`, detail,
    });
  }
  if (/ssl|certificate|self[- ]signed/i.test(message)) {
    return new StudioError('connection-failed', `The TLS handshake with ${where} failed: ${message}`, {
      hint: 'Pick another SSL mode: "disable" if the server has no TLS, "require" to encrypt without verifying the certificate.', detail,
    });
  }
  return new StudioError('connection-failed', `Could not connect to PostgreSQL at ${where}: ${message}`, {
    hint: `Check the connection settings for ${where} (host, port, database, user, SSL mode).`, detail,
  });
}
