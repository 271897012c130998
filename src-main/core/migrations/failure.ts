import type { MigrationFailure } from '../../contract';
import { hintFor } from './failureHints';

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
  const fromServer = lastError && (lastError.error === error || err.cause === lastError.error) ? (lastError.error as PgErrorLike) : null;
  const source = fromServer ?? err;
  const pgCode = isSqlState(source.code) ? source.code : undefined;
  const position = source.position ? Number(source.position) : undefined;
  const failure: MigrationFailure = { migration, message: source.message, ...(pgCode ? { pgCode } : {}) };
  if (position && Number.isFinite(position)) failure.position = position;
  if (fromServer && lastError) failure.statement = lastError.statement;
  const hint = hintFor(failure, source.hint);
  if (hint) failure.hint = hint;
  return failure;
}
