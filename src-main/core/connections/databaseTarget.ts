import type { ConnectionProfile } from '../../contract';
import type { DatabaseTarget } from '../migrations';
import { sslOptionFor } from './sslConfig';

/** Every connection the app opens names itself, so a lock holder or pg_stat_activity row reads "pgm-studio". */
export const applicationName = 'pgm-studio';
export const connectTimeoutMs = 10_000;

type Endpoint = Pick<ConnectionProfile, 'host' | 'port' | 'database' | 'user' | 'sslMode'>;

export async function databaseTargetFor(endpoint: Endpoint, password: string | undefined): Promise<DatabaseTarget> {
  return {
    host: endpoint.host,
    port: endpoint.port,
    database: endpoint.database,
    user: endpoint.user,
    ...(password === undefined ? {} : { password }),
    ssl: await sslOptionFor(endpoint.sslMode, endpoint.host, endpoint.port),
    application_name: applicationName,
    connectionTimeoutMillis: connectTimeoutMs,
  };
}
