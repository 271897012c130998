import type { Session } from 'electron';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';

/** The CSP as a response header too (the meta tag alone can be bypassed before it is parsed); no permissions granted. */
export function secureSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}
