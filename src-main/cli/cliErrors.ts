// Turns anything thrown under a command into the one error shape, an exit code and a hint.
import { CommanderError } from 'commander';
import { StudioError, type ErrorCode, type StudioErrorShape } from '../contract';

/** 130: stopped by SIGINT/SIGTERM (128 + SIGINT), as shells report Ctrl-C. */
export const exitCodes = { success: 0, migrationFailed: 1, usageOrConnection: 2, interrupted: 130 } as const;

/** Only a migration that failed (or cannot be reverted) is exit 1; everything else that stops us is 2. */
export function exitCodeFor(code: ErrorCode): number {
  return code === 'migration-failed' || code === 'irreversible-migration' ? exitCodes.migrationFailed : exitCodes.usageOrConnection;
}

const bugHint = 'This is a bug in pgm-studio; please report it with the command you ran.';

const defaultHints: Partial<Record<ErrorCode, string>> = {
  'invalid-input': 'Run `pgm-studio --help` (or `pgm-studio <command> --help`) for the usage.',
  'connection-failed': 'Check --database-url (or DATABASE_URL): is the server running, and are host, port and database name right?',
  'auth-failed': 'Check the user and password in --database-url (or DATABASE_URL).',
  'invalid-project': 'Check --migrations-dir (relative to the current folder) or -f/--config-file.',
  'lock-held': 'Another migration run holds the lock: wait for it to finish, then run the command again.',
  'migration-failed': 'Fix the migration, then run the command again; `pgm-studio rehearse` tries it without changing anything.',
  'irreversible-migration': 'Give the migration an explicit down step, or revert it by hand.',
  'out-of-order': 'A pending migration is older than the last applied one: rename it with a newer timestamp, or pass --no-check-order.',
  'missing-file': 'Restore the migration file from version control, or remove its row from the migrations table if it was deleted on purpose.',
  'keychain-unavailable': 'Pass --database-url (or DATABASE_URL) to skip the saved connection.',
  internal: bugHint,
};

const connectionErrnos = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  address?: unknown;
  port?: unknown;
  errors?: unknown;
}

/**
 * Normalise a thrown value; unknown ones become 'internal'. A channel call arrives here already
 * shaped (the router turns anything unexpected into 'internal'), so the raw pg / socket cases serve
 * only what is thrown outside a channel: in practice the unhandled-rejection guard in main.ts.
 */
export function toStudioError(error: unknown): StudioError {
  if (error instanceof StudioError) return error;
  if (error instanceof CommanderError) {
    return new StudioError('invalid-input', error.message.replace(/^error:\s*/i, ''), { hint: defaultHints['invalid-input'] });
  }
  const e = (error ?? {}) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' && e.message ? e.message : undefined;
  if (code && connectionErrnos.has(code)) {
    const where = typeof e.address === 'string' ? ` ${e.address}${typeof e.port === 'number' ? `:${e.port}` : ''}` : '';
    return new StudioError('connection-failed', `Could not connect to PostgreSQL${where} (${code}).`, { cause: error });
  }
  if (code === '28P01' || code === '28000') return new StudioError('auth-failed', message ?? 'Authentication failed.', { cause: error });
  if (code === '3D000') {
    return new StudioError('connection-failed', message ?? 'The database does not exist.', {
      hint: 'Create the database first (createdb), or fix the database name in the URL.',
      cause: error,
    });
  }
  if (message && /timeout expired|Connection terminated/i.test(message)) return new StudioError('connection-failed', message, { cause: error });
  return new StudioError('internal', message ?? String(error), { cause: error });
}

/** The error as printed: always with a hint, the code's default when the error brought none. */
export function errorShape(error: StudioError): StudioErrorShape & { hint: string } {
  return { code: error.code, message: error.message, hint: error.hint ?? defaultHints[error.code] ?? bugHint };
}
