import type { ReactNode } from 'react';
import { Tooltip } from '@mantine/core';

/**
 * Says on hover why the control inside is disabled. A disabled button gets no pointer events, so
 * the tooltip hangs on a wrapper; without a reason the control is rendered as it is.
 */
export function DisabledReason({ reason, children }: { reason: string | null | undefined; children: ReactNode }) {
  if (!reason) return <>{children}</>;
  return (
    <Tooltip label={reason} multiline maw={360} withArrow>
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }} data-disabled-reason={reason}>{children}</span>
    </Tooltip>
  );
}
