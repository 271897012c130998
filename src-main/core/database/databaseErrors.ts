import { StudioError } from '../../contract/errors';
import { maskPassword } from './masking';
import { sqlStateHint } from './sqlStateHints';

// The one PostgreSQL-error mapper: a failed connection attempt (connectErrorFor) and a server error
// on an open connection (explainDatabaseError) become StudioErrors with a next step, never with the password.

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

/** Turn whatever pg or the socket threw into a StudioError with a next step; never echoes the password. */
export function connectErrorFor(error: unknown, tried: ConnectAttempt): StudioError {
  if (error instanceof StudioError) return error;
  const attempt = { ...tried, database: tried.database ?? '', user: tried.user ?? '' };
  const err = error as { code?: string; message?: string };
  const code = typeof err.code === 'string' ? err.code : undefined;
  const message = maskPassword(String(err.message ?? error), attempt.password);
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

interface PgErrorLike {
  message: string;
  code?: string;
  hint?: string;
}

const isSqlState = (code: unknown): code is string => typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);

/**
 * Errors on an open connection, explained where we can: a PostgreSQL error (it has a SQLSTATE, e.g.
 * 42501 on the migrations table) or a lost connection. Anything else is returned as is, so the
 * router logs it in full and answers with its generic 'internal' shape.
 */
export function explainDatabaseError(error: unknown): unknown {
  if (error instanceof StudioError || !(error instanceof Error)) return error;
  const err = error as Error & PgErrorLike;
  if (isSqlState(err.code)) {
    return new StudioError('database-error', `PostgreSQL refused the request: ${err.message} (SQLSTATE ${err.code})`, {
      hint: sqlStateHint(err.code, err.hint) ?? 'Check the connection user\'s privileges and the migrations table, then retry.',
      detail: { pgCode: err.code },
      cause: error,
    });
  }
  if (isConnectionLoss(err)) {
    return new StudioError('connection-failed', `Lost the database connection: ${err.message}`, {
      hint: 'Check the server and the network, then look at the status before retrying: PostgreSQL rolls back an interrupted transaction.',
      cause: error,
    });
  }
  return error;
}

/** The socket or the session is gone (not a refusal by the server): such a client must never be reused. */
export function isConnectionLoss(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Connection terminated|ECONNRESET|EPIPE|Client has encountered a connection error|not queryable/i.test(message);
}
