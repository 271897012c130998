import { randomBytes } from 'node:crypto';
import pg from 'pg';

function adminUrl(): string {
  const url = process.env.PGM_STUDIO_E2E_ADMIN_URL;
  if (!url) throw new Error('PGM_STUDIO_E2E_ADMIN_URL is not set: run the suite through playwright.config.ts (its globalSetup starts PostgreSQL).');
  return url;
}

async function onAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface E2eDatabase {
  name: string;
  url: string;
  query<R extends pg.QueryResultRow>(sql: string): Promise<R[]>;
  drop(): Promise<void>;
}

/** A fresh, empty database per test. */
export async function createE2eDatabase(): Promise<E2eDatabase> {
  const name = `pgm_e2e_${randomBytes(5).toString('hex')}`;
  await onAdmin(`CREATE DATABASE "${name}"`);
  const parsed = new URL(adminUrl());
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  return {
    name,
    url,
    async query<R extends pg.QueryResultRow>(sql: string) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<R>(sql)).rows;
      } finally {
        await client.end();
      }
    },
    drop: () => onAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
