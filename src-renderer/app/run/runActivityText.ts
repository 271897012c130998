import type { SessionActivity } from '../../../src-main/contract';

/** AccessExclusiveLock -> ACCESS EXCLUSIVE, as PostgreSQL's documentation names the modes. */
export const lockModeLabel = (mode: string): string => mode.replace(/Lock$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();

/** "pid 4242 — reporting-job, user app, from 10.0.0.5" */
export function sessionLabel(session: SessionActivity): string {
  const about = [session.applicationName, session.user ? `user ${session.user}` : null, session.clientAddress ? `from ${session.clientAddress}` : null].filter(Boolean);
  return `pid ${session.pid}${about.length ? ` — ${about.join(', ')}` : ''}`;
}

/** 75_000 -> "1 min 15 s" */
export function elapsedLabel(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
