import type { ReactNode } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { toStudioError } from './studioError';

interface ErrorAlertProps {
  error: unknown;
  /** What the operator can do about it here, e.g. a retry button. */
  children?: ReactNode;
  icon?: ReactNode;
  testId?: string;
}

/** An error where it happened: the message as title, the hint as what to do next. */
export function ErrorAlert({ error, children, icon = <IconAlertTriangle size={18} />, testId = 'inline-error' }: ErrorAlertProps) {
  const shape = toStudioError(error);
  return (
    <Alert color="red" icon={icon} title={shape.message} data-testid={testId}>
      <Stack gap="xs" align="flex-start">
        {shape.hint && <Text size="sm">{shape.hint}</Text>}
        {children}
      </Stack>
    </Alert>
  );
}
