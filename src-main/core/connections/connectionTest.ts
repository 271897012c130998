import type { ConnectionTestResult } from '../../contract';
import { connect, connectErrorFor, type DatabaseTarget } from '../database';

/** Connect once (a client of its own, not a pooled one) and report what the "Test connection" button shows. */
export async function testConnection(target: DatabaseTarget, schema = 'public'): Promise<ConnectionTestResult> {
  const client = await connect(target);
  try {
    const { rows } = await client.query<{ server_version: string; current_user: string; schema_exists: boolean; can_create: boolean }>(
      `select current_setting('server_version') as server_version,
              current_user,
              exists (select 1 from pg_namespace where nspname = $1) as schema_exists,
              coalesce(has_schema_privilege((select oid from pg_namespace where nspname = $1), 'CREATE'), false) as can_create`,
      [schema],
    );
    const row = rows[0];
    if (!row) throw new Error('the server returned no row for the connection check');
    return { serverVersion: row.server_version, currentUser: row.current_user, schema, canCreateInSchema: row.schema_exists && row.can_create };
  } catch (error) {
    throw connectErrorFor(error, client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
