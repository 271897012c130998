import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';

vi.mock('electron', () => ({}));
const { secureSession } = await import('./contentSecurityHeaders');

describe('secureSession', () => {
  it('adds the CSP header to every response and grants no permission', () => {
    let onHeaders: ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void) | undefined;
    let onPermission: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    secureSession({
      webRequest: { onHeadersReceived: (listener: typeof onHeaders) => (onHeaders = listener) },
      setPermissionRequestHandler: (handler: typeof onPermission) => (onPermission = handler),
    } as never);
    const respond = vi.fn();
    onHeaders?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, respond);
    expect(respond).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] } });
    const grant = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) onPermission?.({}, permission, grant);
    expect(grant.mock.calls).toEqual([[false], [false], [false], [false]]);
  });
});
