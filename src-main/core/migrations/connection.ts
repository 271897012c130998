import pg from 'pg';
import { connectErrorFor } from '../connections/connectionErrors';
import { applicationName, connectTimeoutMs } from '../connections/databaseTarget';
import { explainDatabaseError } from './failure';
import type { DatabaseTarget } from './types';


/** A connected client tagged with our application_name; connection failures become StudioErrors. */
export async function connect(target: DatabaseTarget): Promise<pg.Client> {
  const client = new pg.Client({ connectionTimeoutMillis: connectTimeoutMs, ...target, application_name: target.application_name ?? applicationName });
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

/** Runs `fn` with a fresh connection and always closes it. */
export async function withClient<T>(target: DatabaseTarget, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(target);
  try {
    return await fn(client);
  } catch (error) {
    throw explainDatabaseError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
