import { StudioError, type MigrationFailure } from '../../contract';
import { hintFor, isIrreversible } from './failureHints';

interface PgErrorLike {
  message: string;
  code?: string;
  position?: string;
  hint?: string;
}

const isSqlState = (code: unknown): code is string => typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);

/**
 * A failed migration, from the error runner() threw and the last statement our client saw fail
 * (node-pg-migrate rethrows the pg error object itself, so identity links the two).
 */
export function describeFailure(error: unknown, migration: string | null, lastError: { statement: string; error: unknown } | null): MigrationFailure {
  const err = (error instanceof Error ? error : new Error(String(error))) as Error & PgErrorLike;
  // runner() rethrows the pg error itself, except around pgmigrations where it wraps the message.
  const linked = lastError && (lastError.error === error || err.cause === lastError.error || err.message.includes((lastError.error as Error).message)) ? lastError : null;
  // The server's error carries SQLSTATE, position and hint; a wrapper only its message.
  const source = linked ? (linked.error as PgErrorLike) : err;
  const pgCode = isSqlState(source.code) ? source.code : undefined;
  const position = source.position ? Number(source.position) : undefined;
  // The bundled node-pg-migrate loses operation names: 'for "pgm.()"' says nothing, drop it.
  const message = source.message.replace(/ for "pgm\.\(\)"/, '');
  const failure: MigrationFailure = { migration, message, ...(pgCode ? { pgCode } : {}) };
  if (position && Number.isFinite(position)) failure.position = position;
  if (linked) failure.statement = linked.statement;
  if (!pgCode && isIrreversible(failure.message)) failure.irreversible = true;
  const hint = hintFor(failure, source.hint);
  if (hint) failure.hint = hint;
  return failure;
}

/** Anything that escaped the engine unexplained becomes a StudioError (the doors only speak that shape). */
export function asStudioError(error: unknown): StudioError {
  if (error instanceof StudioError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/Connection terminated|ECONNRESET|EPIPE|Client has encountered a connection error/i.test(message)) {
    return new StudioError('connection-failed', `Lost the database connection: ${message}`, {
      hint: 'Check the server and the network, then look at the status before retrying: PostgreSQL rolls back an interrupted transaction.',
      cause: error,
    });
  }
  return new StudioError('internal', message, { hint: 'Unexpected engine error: see the log. The command\'s transaction was rolled back.', cause: error });
}
