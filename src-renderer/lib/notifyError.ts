import { notifications } from '@mantine/notifications';
import { toStudioError } from './studioError';

function isSessionExpiry(detail: unknown): boolean {
  return typeof detail === 'object' && detail !== null && (detail as { sessionExpired?: unknown }).sessionExpired === true;
}

/** A failed call as a notification: its message as title, its hint (or at least its code) below. */
export function notifyError(error: unknown): void {
  const shape = toStudioError(error);
  // One banner says it (SessionExpiredBanner); a notification per failed call would only repeat it.
  if (isSessionExpiry(shape.detail)) return;
  notifications.show({
    color: 'red',
    title: shape.message,
    message: shape.hint ?? `Error code: ${shape.code}`,
    autoClose: 10_000,
    withBorder: true,
  });
}
