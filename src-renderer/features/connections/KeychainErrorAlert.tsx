import { Button } from '@mantine/core';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { toStudioError } from '../../lib/studioError';

/** A failed save or import; when it was only the keychain that failed, the offer to keep the password for this session. */
export function KeychainErrorAlert({ error, sessionOnlyLabel, onSessionOnly }: { error: unknown; sessionOnlyLabel: string; onSessionOnly(): void }) {
  const keychainFailed = toStudioError(error).code === 'keychain-unavailable';
  return (
    <ErrorAlert error={error}>
      {keychainFailed && <Button size="xs" onClick={onSessionOnly}>{sessionOnlyLabel}</Button>}
    </ErrorAlert>
  );
}
