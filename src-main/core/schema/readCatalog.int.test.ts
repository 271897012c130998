import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { paritySchemaSql } from './fixtures/paritySchema';
import { readCatalog } from './readCatalog';

describe('readCatalog: the whole database for the browser and the ERD', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(paritySchemaSql);
    await client.query(`
      CREATE TYPE parity.mood AS ENUM ('happy', 'sad');
      CREATE DOMAIN parity.positive AS int CHECK (VALUE > 0);
      COMMENT ON SCHEMA parity IS 'the parity fixture';
      -- A dropped column leaves a hole in attnum: foreign key columns must still be named right.
      CREATE TABLE parity.holes (gone int, a int, b int, PRIMARY KEY (a, b));
      ALTER TABLE parity.holes DROP COLUMN gone;
      CREATE TABLE parity.hole_refs (x int, y int, FOREIGN KEY (x, y) REFERENCES parity.holes (a, b));`);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('lists every kind of object per schema, with what a tree and an ERD show', async () => {
    const catalog = await readCatalog(client);
    const parity = catalog.schemas.find((s) => s.name === 'parity');
    expect(parity?.comment).toBe('the parity fixture');
    const relation = (name: string) => parity?.relations.find((r) => r.name === name);
    expect(relation('events')?.kind).toBe('partitioned table');
    expect(relation('events_2026')).toMatchObject({ kind: 'table', partitionOf: 'parity.events' });
    expect(relation('open_bookings')).toMatchObject({ kind: 'view', totalBytes: null, rowEstimate: null });
    expect(relation('booking_counts')?.kind).toBe('materialized view');
    expect(relation('owners')?.comment).toBe('People who own things');
    expect(relation('bookings')?.foreignKeys).toEqual([{ name: 'bookings_owner_id_fkey', columns: ['owner_id'], referencedSchema: 'parity', referencedTable: 'owners', referencedColumns: ['id'] }]);
    expect(relation('hole_refs')?.foreignKeys[0]).toMatchObject({ columns: ['x', 'y'], referencedTable: 'holes', referencedColumns: ['a', 'b'] });
    // A foreign key to a partitioned table is one edge, not one per partition.
    expect(relation('event_refs')?.foreignKeys).toHaveLength(1);
    expect(relation('bookings')?.columns.map((c) => [c.name, c.primaryKey])).toEqual([['id', true], ['owner_id', false], ['room', false], ['during', false], ['status', false]]);
    expect(parity?.sequences).toContainEqual({ schema: 'parity', name: 'owners_id_seq', ownedBy: 'parity.owners.id', comment: null });
    expect(parity?.types).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'mood', category: 'enum', labels: ['happy', 'sad'] }), expect.objectContaining({ name: 'positive', category: 'domain', baseType: 'integer' })]));
    expect(parity?.functions).toContainEqual(expect.objectContaining({ name: 'touch', arguments: '', result: 'trigger', language: 'plpgsql', kind: 'function' }));
    expect(parity?.triggers).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'bookings', name: 'bookings_audit', enabled: 'D', function: 'parity.touch()' })]));
  });

  it('takes the same few queries for 40 more tables', async () => {
    const few = (await readCatalog(client)).queryCount;
    await client.query(Array.from({ length: 40 }, (_, i) => `CREATE TABLE parity.extra_${i} (id int PRIMARY KEY, up int REFERENCES parity.owners);`).join('\n'));
    const catalog = await readCatalog(client);
    expect(catalog.queryCount).toBe(few);
    expect(few).toBeLessThanOrEqual(10);
    expect(catalog.schemas.find((s) => s.name === 'parity')?.relations.filter((r) => r.name.startsWith('extra_'))).toHaveLength(40);
  });
});
