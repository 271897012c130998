import { pathToFileURL } from 'node:url';

/** Where the renderer is loaded from: the built file (preview, packaged) or the dev server. */
export type AppLocation = { kind: 'file'; indexPath: string } | { kind: 'dev-server'; url: string };

export function appUrl(location: AppLocation): string {
  return location.kind === 'file' ? pathToFileURL(location.indexPath).href : location.url;
}

/** Whether a URL is our app: the exact index.html file, or the dev server's origin. Query and hash ignored. */
export function isAppUrl(url: string, location: AppLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'file') {
    const expected = new URL(appUrl(location));
    return parsed.protocol === 'file:' && parsed.host === expected.host && parsed.pathname === expected.pathname;
  }
  return parsed.origin === new URL(location.url).origin;
}
