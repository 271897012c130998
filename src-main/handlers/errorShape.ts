import { isStudioErrorShape, StudioError, type StudioErrorShape } from '../contract';
import { maskUrlPasswords } from '../core/database';

export type ProcessLog = (message: string, error?: unknown) => void;

/** Default process log: stderr, with connection-string passwords masked. */
export const stderrLog: ProcessLog = (message, error) => {
  const text = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? '' : String(error);
  process.stderr.write(maskUrlPasswords(`${message}${text ? `\n${text}` : ''}`) + '\n');
};

function looksLikeStudioError(error: unknown): error is StudioError {
  // A second copy of the contract module (e.g. another bundle) breaks instanceof; trust the name + shape.
  if (error instanceof StudioError) return true;
  if (!(error instanceof Error) || error.name !== 'StudioError') return false;
  const { code, message, hint, detail } = error as unknown as StudioErrorShape;
  return isStudioErrorShape({ code, message, hint, detail });
}

/**
 * The one error shape every door sends. A StudioError passes as is; anything else is an internal
 * error whose details go only to the process log, never to the caller (it may carry secrets or paths).
 */
export function toErrorShape(error: unknown, log: ProcessLog = stderrLog): StudioErrorShape {
  if (looksLikeStudioError(error)) {
    return new StudioError(error.code, maskUrlPasswords(error.message), { hint: error.hint, detail: error.detail }).toJSON();
  }
  log('Unexpected error while handling a request', error);
  return {
    code: 'internal',
    message: 'PGM Studio hit an unexpected error while handling this request.',
    hint: 'Try again; if it keeps happening, check the PGM Studio process log and report the error.',
  };
}
