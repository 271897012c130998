import { notifications } from '@mantine/notifications';
import { toStudioError } from './studioError';

export function notifyError(error: unknown, title?: string): void {
  const shape = toStudioError(error);
  notifications.show({
    color: 'red',
    title: title ?? shape.message,
    message: title ? `${shape.message}${shape.hint ? ` — ${shape.hint}` : ''}` : (shape.hint ?? `Error code: ${shape.code}`),
    autoClose: 10_000,
    withBorder: true,
  });
}
