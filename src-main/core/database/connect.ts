import pg from 'pg';
import { parseConnectionUrl } from './connectionUrl';
import { connectErrorFor, type ConnectAttempt } from './databaseErrors';
import { applicationName, connectTimeoutMs, identityOf, type DatabaseTarget } from './target';

/** Our defaults under the target's own settings: a connect timeout and our application_name. */
export function clientConfigFor(target: DatabaseTarget): pg.ClientConfig {
  return { connectionTimeoutMillis: connectTimeoutMs, ...target, application_name: target.application_name ?? applicationName };
}

/** What a connection attempt to this target used, for an error that names it (and masks its password). */
export function attemptOf(target: DatabaseTarget): ConnectAttempt {
  const password = typeof target.password === 'string' ? target.password : target.connectionString ? parseConnectionUrl(target.connectionString).password : undefined;
  return { ...identityOf(target), password };
}

/**
 * A connected client of its own (not pooled), for a one-off check such as "Test connection".
 * Connection failures become StudioErrors; the caller ends the client.
 */
export async function connect(target: DatabaseTarget): Promise<pg.Client> {
  const client = new pg.Client(clientConfigFor(target));
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    // The client has merged the target (a connection string too) with pg's defaults: the error names what was tried.
    throw connectErrorFor(error, client);
  }
  return client;
}
