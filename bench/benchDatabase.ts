// The bench's PostgreSQL: a fresh database on TEST_DATABASE_URL's server, or on an embedded
// cluster the bench starts and removes.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedServer } from '../src-main/core/sandbox/embeddedServer';

export interface BenchDatabase {
  url: string;
  /** Where it runs, without a password. */
  description: string;
  dispose(): Promise<void>;
}

/** Runs `fn` on a short-lived client of the database at `url`. */
async function onDatabase<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function onServer(adminUrl: string, sql: string): Promise<void> {
  await onDatabase(adminUrl, (client) => client.query(sql));
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const name = `pgm_studio_bench_${randomBytes(4).toString('hex')}`;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    await onServer(external, `CREATE DATABASE "${name}"`);
    const parsed = new URL(external);
    return {
      url: withDatabase(external, name),
      description: `TEST_DATABASE_URL server ${parsed.hostname}:${parsed.port || 5432}, database ${name}`,
      dispose: () => onServer(external, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  log('starting an embedded PostgreSQL 15 cluster for the bench…');
  const dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-bench-pg-'));
  const server = await startEmbeddedServer({ dataDir, password: randomBytes(12).toString('hex') });
  await onServer(server.adminUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(server.adminUrl, name),
    description: `embedded PostgreSQL on 127.0.0.1:${server.port}, database ${name}`,
    async dispose() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Mark the first `names` as applied by writing pgmigrations rows directly (nothing is run). */
export async function markApplied(url: string, table: { schema: string; name: string }, names: string[]): Promise<void> {
  await onDatabase(url, async (client) => {
    // node-pg-migrate's own table definition.
    await client.query(`CREATE TABLE IF NOT EXISTS "${table.schema}"."${table.name}" (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)`);
    await client.query(
      `INSERT INTO "${table.schema}"."${table.name}" (name, run_on)
       SELECT name, now() - make_interval(secs => (cardinality($1::text[]) - ord)::double precision)
       FROM unnest($1::text[]) WITH ORDINALITY AS t(name, ord) ORDER BY ord`,
      [names],
    );
  });
}

/** Another empty database on the server of `url` (whose role may create databases), for one measured run. */
export async function freshDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pgm_studio_bench_run_${randomBytes(4).toString('hex')}`;
  await onServer(url, `CREATE DATABASE "${name}"`);
  return { url: withDatabase(url, name), drop: () => onServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
