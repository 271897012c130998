import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeEach, inject } from 'vitest';

export interface TestDatabase {
  url: string;
  name: string;
  /** Run a query on this database with a short-lived client. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  drop(): Promise<void>;
}

export function adminDatabaseUrl(): string {
  return inject('adminDatabaseUrl');
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server; each test file (or test) takes its own. */
export async function createTestDatabase(prefix = 'pgmstudio'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(adminDatabaseUrl(), name);
  return {
    url,
    name,
    async query(sql, params) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await client.query(sql, params as unknown[]);
      } finally {
        await client.end();
      }
    },
    async drop() {
      await onAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/**
 * A fresh database for every test of the calling suite, all dropped after it. Call at suite level;
 * `current()` is the running test's database.
 */
export function freshDatabasePerTest(): { current: () => TestDatabase; target: () => { connectionString: string } } {
  const databases: TestDatabase[] = [];
  beforeEach(async () => {
    databases.push(await createTestDatabase());
  });
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
  });
  const current = () => {
    const db = databases.at(-1);
    if (!db) throw new Error('freshDatabasePerTest: no test is running');
    return db;
  };
  return { current, target: () => ({ connectionString: current().url }) };
}
