import { existsSync } from 'node:fs';
import { attemptOf } from './connect';
import { parseConnectionUrl } from './connectionUrl';
import { applicationName, connectTimeoutMs, identityOf, type DatabaseTarget, type SslMode } from './target';

/** The libpq variables a target sets: what pg_dump, pg_restore and psql read. */
export interface LibpqEnvironment {
  PGHOST: string;
  PGPORT: string;
  PGDATABASE: string;
  PGUSER: string;
  PGPASSWORD?: string;
  PGSSLMODE: SslMode;
  PGSSLROOTCERT?: string;
  PGAPPNAME: string;
  PGCONNECT_TIMEOUT: string;
}

// Node verifies certificates against the system's CAs; libpq's default is ~/.postgresql/root.crt.
const systemCaBundles = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem'];

/** The SSL mode a pg config stands for: `prefer` has already been settled by asking the server. */
function sslModeOf(target: DatabaseTarget): SslMode {
  if (target.connectionString) return parseConnectionUrl(target.connectionString).sslMode;
  const { ssl } = target;
  if (!ssl) return 'disable';
  if (ssl === true) return 'verify-full';
  return ssl.rejectUnauthorized === false ? 'require' : 'verify-full';
}

/**
 * The environment for a libpq tool (pg_dump, pg_restore, psql) to reach the same database as
 * `target`: the password goes in PGPASSWORD, never on a command line where `ps` shows it. Spawn
 * the tool with these over an environment cleared of other PG* variables.
 */
export function libpqEnvironment(target: DatabaseTarget): LibpqEnvironment {
  const { host, port, database, user } = identityOf(target);
  const { password } = attemptOf(target);
  const sslMode = sslModeOf(target);
  const rootCert = sslMode === 'verify-full' ? systemCaBundles.find((path) => existsSync(path)) : undefined;
  return {
    PGHOST: host,
    PGPORT: String(port),
    PGDATABASE: database,
    PGUSER: user,
    ...(password ? { PGPASSWORD: password } : {}),
    PGSSLMODE: sslMode,
    ...(rootCert ? { PGSSLROOTCERT: rootCert } : {}),
    PGAPPNAME: typeof target.application_name === 'string' ? target.application_name : applicationName,
    PGCONNECT_TIMEOUT: String(Math.ceil((target.connectionTimeoutMillis ?? connectTimeoutMs) / 1000)),
  };
}
