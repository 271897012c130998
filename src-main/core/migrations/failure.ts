import type { MigrationFailure } from '../../contract';
import { hintFor, isIrreversible } from './failureHints';

interface PgErrorLike {
  message: string;
  code?: string;
  position?: string;
  hint?: string;
  table?: string;
  constraint?: string;
}

const isSqlState = (code: unknown): code is string => typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);

/** An error PostgreSQL itself raised (it carries a SQLSTATE), as opposed to a lost connection or a bug. */
export const isServerError = (error: unknown): boolean => error instanceof Error && isSqlState((error as PgErrorLike).code);

/**
 * The command's COMMIT failed (a DEFERRABLE INITIALLY DEFERRED constraint is checked only then): every
 * migration had run, and PostgreSQL rolled all of them back. A migration failure, not a connection one.
 */
export function describeCommitFailure(error: unknown): MigrationFailure {
  const err = error as Error & PgErrorLike;
  const constraint = err.constraint ? ` Constraint ${err.constraint}${err.table ? ` on ${err.table}` : ''} is deferred, so PostgreSQL checks it only at COMMIT, after every migration of the command ran; find the migration that adds it or writes the rows that break it.` : '';
  const failure: MigrationFailure = {
    migration: null,
    message: `the command's COMMIT failed: ${err.message}`,
    statement: 'COMMIT',
    atCommit: true,
    ...(isSqlState(err.code) ? { pgCode: err.code } : {}),
  };
  const hint = hintFor(failure, err.hint);
  failure.hint = `PostgreSQL rolled the whole command back.${constraint}${hint ? ` ${hint}` : ''}`;
  return failure;
}

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
