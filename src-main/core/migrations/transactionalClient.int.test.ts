import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutClient, endDatabasePool, type PooledClient } from '../database';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { TransactionalClient } from './transactionalClient';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await endDatabasePool({ connectionString: db.url });
  await db.drop();
});

describe('TransactionalClient.holdMigrationsUntil', () => {
  it('runner() prepares freely, but its first migration (its BEGIN) waits until the held read settles', async () => {
    const lease: PooledClient = await checkoutClient({ connectionString: db.url });
    try {
      const began: string[] = [];
      const tx = new TransactionalClient(lease.client, 'rehearse', { migrationsBegin: () => began.push('begin'), executed: () => undefined, committed: () => undefined });
      let settle: (value: unknown) => void = () => undefined;
      tx.holdMigrationsUntil(new Promise((resolve) => (settle = resolve)));
      await tx.startRunnerCall();
      // Preparation (runner()'s migrations table, its SELECT of applied names) is not held.
      expect((await tx.query('SELECT 41 + 1 AS answer')).rows).toEqual([{ answer: 42 }]);
      let begun = false;
      const beginning = tx.query('BEGIN').then(() => (begun = true));
      // Round trips on the same connection come and go while the BEGIN still waits for the read.
      for (let i = 0; i < 3; i++) await lease.client.query('SELECT 1');
      expect({ begun, began }).toEqual({ begun: false, began: [] });
      settle(undefined);
      await beginning;
      expect({ begun, began }).toEqual({ begun: true, began: ['begin'] });
      await tx.finish(false);
    } finally {
      await lease.releaseSession();
    }
  });
});
