import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testDatabase';

describe('test harness', () => {
  let db: TestDatabase | undefined;
  afterAll(async () => db?.drop());

  it('gives each file its own empty PostgreSQL 15+ database', async () => {
    db = await createTestDatabase();
    const { rows } = await db.query<{ v: string; tables: string }>(
      "select current_setting('server_version_num') as v, (select count(*) from pg_tables where schemaname = 'public')::text as tables",
    );
    expect(Number(rows[0]?.v)).toBeGreaterThanOrEqual(150000);
    expect(rows[0]?.tables).toBe('0');
  });
});
