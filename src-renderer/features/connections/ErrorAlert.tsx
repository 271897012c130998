import type { ReactNode } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { toStudioError } from '../../lib/studioError';

/** An error where it happened: the message as title, the hint as what to do next. */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const shape = toStudioError(error);
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={shape.message} data-testid="inline-error">
      <Stack gap="xs" align="flex-start">
        {shape.hint && <Text size="sm">{shape.hint}</Text>}
        {children}
      </Stack>
    </Alert>
  );
}
