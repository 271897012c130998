import * as z from 'zod';

/** Every failure leaves any door (IPC, HTTP, CLI) in this one shape. `hint` says what to do next. */
export const errorCodes = [
  'invalid-input',
  'not-found',
  'connection-failed',
  /** PostgreSQL refused a query outside any migration (e.g. no privilege on the migrations table). */
  'database-error',
  'auth-failed',
  'keychain-unavailable',
  'lock-held',
  /** The run's plan differs from the one the operator confirmed (someone else changed the database or the folder). */
  'plan-changed',
  /** A run that changes a production database needs its name typed (`confirm`), and that name was missing or wrong. */
  'confirmation-required',
  'migration-failed',
  'irreversible-migration',
  'out-of-order',
  'missing-file',
  'invalid-project',
  'invalid-name',
  'file-exists',
  /** migrations/save: the file changed on disk since it was opened (detail: the file as it is now). */
  'file-changed-on-disk',
  /** migrations/save: the migration is applied in the target database; editing it changes nothing there. */
  'migration-applied',
  'forbidden',
  'rate-limited',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const studioErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  hint: z.string().optional(),
  detail: z.unknown().optional(),
});
export type StudioErrorShape = z.infer<typeof studioErrorSchema>;

/** Thrown by the engine; serialised as StudioErrorShape by every door. */
export class StudioError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly detail?: unknown;
  constructor(code: ErrorCode, message: string, options: { hint?: string; detail?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StudioError';
    this.code = code;
    this.hint = options.hint;
    this.detail = options.detail;
  }
  toJSON(): StudioErrorShape {
    return { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}), ...(this.detail === undefined ? {} : { detail: this.detail }) };
  }
}

export function isStudioErrorShape(value: unknown): value is StudioErrorShape {
  return studioErrorSchema.safeParse(value).success;
}
