/**
 * The renderer's Content-Security-Policy, sent as a header by both doors (server responses, Electron's
 * session) on top of the meta tag in src-renderer/index.html. A unit test keeps the two identical.
 * Monaco needs inline styles and its workers, which are served from our own origin (no blob:); nothing else is loosened.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
