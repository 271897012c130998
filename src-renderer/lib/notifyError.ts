import { notifications } from '@mantine/notifications';
import { toStudioError } from './studioError';

function isSessionExpiry(detail: unknown): boolean {
  return typeof detail === 'object' && detail !== null && (detail as { sessionExpired?: unknown }).sessionExpired === true;
}

export function notifyError(error: unknown, title?: string): void {
  const shape = toStudioError(error);
  // One banner says it (SessionExpiredBanner); a notification per failed call would only repeat it.
  if (isSessionExpiry(shape.detail)) return;
  notifications.show({
    color: 'red',
    title: title ?? shape.message,
    message: title ? `${shape.message}${shape.hint ? ` — ${shape.hint}` : ''}` : (shape.hint ?? `Error code: ${shape.code}`),
    autoClose: 10_000,
    withBorder: true,
  });
}
