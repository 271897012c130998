import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { DatabasePools } from './pools';

let db: TestDatabase;
const pools = new DatabasePools();

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await pools.close();
  delete process.env.PGM_STUDIO_POOL_SIZE;
  await db?.drop();
});

describe('DatabasePools', () => {
  it('a pool whose clients all stay busy says so (not "could not reach PostgreSQL"), and serves again once one is back', async () => {
    process.env.PGM_STUDIO_POOL_SIZE = '1';
    const target = { connectionString: db.url, connectionTimeoutMillis: 1_000 };
    const held = await pools.checkout(target);
    const error = await pools.checkout(target).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'connection-failed', message: expect.stringContaining('stayed busy'), hint: expect.stringContaining('PGM_STUDIO_POOL_SIZE') });
    expect(JSON.stringify(error)).not.toContain(decodeURIComponent(new URL(db.url).password) || 'no-password');
    held.release();
    expect(await pools.withClient(target, async (client) => (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0])).toEqual({ one: 1 });
  });
});
