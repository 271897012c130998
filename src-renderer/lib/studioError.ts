import { isStudioErrorShape, StudioError, type StudioErrorShape } from '../../src-main/contract';

/** Any thrown value as the contract's error shape, so every error shows a message and, if known, a hint. */
export function toStudioError(error: unknown): StudioErrorShape {
  if (error instanceof StudioError) return error.toJSON();
  if (isStudioErrorShape(error)) return error;
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}
