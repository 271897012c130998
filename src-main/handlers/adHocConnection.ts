import { adHocConnectionId, type ConnectionSummary } from '../contract';
import { databaseTargetFor, parseConnectionUrl, type DatabaseTarget } from '../core/database';

export interface AdHocConnection {
  summary: ConnectionSummary;
  /** Runs and "Test connection" both connect with exactly this: the URL read like a saved profile (same SSL meaning, same timeout). */
  target(): Promise<DatabaseTarget>;
}

/** Describe a DATABASE_URL as a connection entry for the list (password left out) plus the target to connect with. */
export function adHocConnection(databaseUrl: string): AdHocConnection {
  const { password, ...endpoint } = parseConnectionUrl(databaseUrl);
  const summary: ConnectionSummary = {
    id: adHocConnectionId,
    name: 'DATABASE_URL (this session)',
    ...endpoint,
    environment: 'development',
    color: '#868e96',
    passwordSource: password ? 'session' : 'none',
    isSandbox: false,
  };
  return { summary, target: () => databaseTargetFor(endpoint, password) };
}
