import { useEffect, useState } from 'react';
import { Alert } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { sessionExpiredEvent } from '../lib/httpTransport';

/** Server mode only: the per-launch cookie is gone, and only the printed URL can restore it. */
export function SessionExpiredBanner() {
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const onExpired = () => setExpired(true);
    window.addEventListener(sessionExpiredEvent, onExpired);
    return () => window.removeEventListener(sessionExpiredEvent, onExpired);
  }, []);
  if (!expired) return null;
  return (
    <Alert color="red" icon={<IconKey size={18} />} title="Your session has expired" radius={0} data-testid="session-expired">
      Open the URL printed by <code>pgm-studio serve</code> again.
    </Alert>
  );
}
