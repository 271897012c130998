import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaChangeSummary, SchemaSnapshot } from '../../contract';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { diffSnapshots, summarizeDiff } from './diffSnapshots';
import { readSchemaSnapshot } from './readSnapshot';

const baseSql = `
CREATE SCHEMA shop;
CREATE TYPE shop.mood AS ENUM ('happy');
CREATE SEQUENCE shop.tickets;
CREATE TABLE shop.items (id int PRIMARY KEY, name text, price int, CONSTRAINT items_price_check CHECK (price > 0));
CREATE TABLE shop.notes (id int, body text);
CREATE INDEX items_name_idx ON shop.items (name);
CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER items_touch BEFORE UPDATE ON shop.items FOR EACH ROW EXECUTE FUNCTION shop.touch();
CREATE VIEW shop.cheap AS SELECT id FROM shop.items WHERE price < 10;
CREATE POLICY items_read ON shop.items FOR SELECT USING (true);
`;

const none: SchemaChangeSummary = { added: [], removed: [], altered: [] };
const added = (...lines: string[]) => ({ ...none, added: lines });
const removed = (...lines: string[]) => ({ ...none, removed: lines });
const altered = (...lines: string[]) => ({ ...none, altered: lines });

// One change per row, by kind of object: what the migration-diff view and a failed run's aftermath will say.
const changes: [string, string, SchemaChangeSummary][] = [
  ['table added', 'CREATE TABLE shop.orders (id int)', added('table shop.orders')],
  ['table removed', 'DROP TABLE shop.notes', removed('table shop.notes')],
  ['table comment', "COMMENT ON TABLE shop.notes IS 'scribbles'", altered('table shop.notes (comment)')],
  ['table options', 'ALTER TABLE shop.notes SET (fillfactor = 50)', altered('table shop.notes (options)')],
  ['row security', 'ALTER TABLE shop.items ENABLE ROW LEVEL SECURITY', altered('table shop.items (row security)')],
  ['forced row security', 'ALTER TABLE shop.items FORCE ROW LEVEL SECURITY', altered('table shop.items (force row security)')],
  ['replica identity', 'ALTER TABLE shop.notes REPLICA IDENTITY FULL', altered('table shop.notes (replica identity)')],
  ['unlogged', 'ALTER TABLE shop.notes SET UNLOGGED', altered('table shop.notes (persistence)')],
  ['column added', 'ALTER TABLE shop.notes ADD COLUMN author text', added('column author on shop.notes')],
  ['column removed', 'ALTER TABLE shop.notes DROP COLUMN body', removed('column body on shop.notes')],
  ['column type', 'ALTER TABLE shop.notes ALTER COLUMN body TYPE varchar(200)', altered('column body on shop.notes (type)')],
  ['column not null', 'ALTER TABLE shop.notes ALTER COLUMN body SET NOT NULL', altered('column body on shop.notes (not null)')],
  ['column default', "ALTER TABLE shop.notes ALTER COLUMN body SET DEFAULT ''", altered('column body on shop.notes (default value)')],
  ['column comment', "COMMENT ON COLUMN shop.notes.body IS 'text'", altered('column body on shop.notes (comment)')],
  ['column storage', 'ALTER TABLE shop.notes ALTER COLUMN body SET STORAGE EXTERNAL', altered('column body on shop.notes (storage)')],
  ['column compression', 'ALTER TABLE shop.notes ALTER COLUMN body SET COMPRESSION pglz', altered('column body on shop.notes (compression)')],
  ['column statistics', 'ALTER TABLE shop.notes ALTER COLUMN body SET STATISTICS 300', altered('column body on shop.notes (statistics target)')],
  ['column collation', 'ALTER TABLE shop.notes ALTER COLUMN body TYPE text COLLATE "C"', altered('column body on shop.notes (collation)')],
  ['column identity', 'ALTER TABLE shop.notes ALTER COLUMN id SET NOT NULL, ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY', { ...added('sequence shop.notes_id_seq'), altered: ['column id on shop.notes (identity, not null)'] }],
  ['index added', 'CREATE INDEX notes_body_idx ON shop.notes (body)', added('index notes_body_idx on shop.notes')],
  ['index removed', 'DROP INDEX shop.items_name_idx', removed('index items_name_idx on shop.items')],
  ['index altered', 'DROP INDEX shop.items_name_idx; CREATE INDEX items_name_idx ON shop.items (lower(name))', altered('index items_name_idx on shop.items (definition)')],
  ['index comment', "COMMENT ON INDEX shop.items_name_idx IS 'by name'", altered('index items_name_idx on shop.items (comment)')],
  ['constraint added', 'ALTER TABLE shop.notes ADD CONSTRAINT notes_body_check CHECK (body <> \'\')', added('constraint notes_body_check on shop.notes')],
  ['constraint removed', 'ALTER TABLE shop.items DROP CONSTRAINT items_price_check', removed('constraint items_price_check on shop.items')],
  ['constraint altered', 'ALTER TABLE shop.items DROP CONSTRAINT items_price_check, ADD CONSTRAINT items_price_check CHECK (price >= 0)', altered('constraint items_price_check on shop.items (definition)')],
  ['constraint not valid', 'ALTER TABLE shop.items DROP CONSTRAINT items_price_check, ADD CONSTRAINT items_price_check CHECK (price > 0) NOT VALID', altered('constraint items_price_check on shop.items (definition, validated)')],
  ['constraint comment', "COMMENT ON CONSTRAINT items_price_check ON shop.items IS 'positive'", altered('constraint items_price_check on shop.items (comment)')],
  ['trigger added', 'CREATE TRIGGER notes_touch BEFORE UPDATE ON shop.notes FOR EACH ROW EXECUTE FUNCTION shop.touch()', added('trigger notes_touch on shop.notes')],
  ['trigger removed', 'DROP TRIGGER items_touch ON shop.items', removed('trigger items_touch on shop.items')],
  ['trigger disabled', 'ALTER TABLE shop.items DISABLE TRIGGER items_touch', altered('trigger items_touch on shop.items (enabled)')],
  ['trigger altered', 'CREATE OR REPLACE TRIGGER items_touch AFTER UPDATE ON shop.items FOR EACH ROW EXECUTE FUNCTION shop.touch()', altered('trigger items_touch on shop.items (definition)')],
  ['type added', "CREATE TYPE shop.size AS ENUM ('s', 'm')", added('type shop.size')],
  ['type removed', 'DROP TYPE shop.mood', removed('type shop.mood')],
  ['type altered', "ALTER TYPE shop.mood ADD VALUE 'sad'", altered('type shop.mood (labels)')],
  ['type comment', "COMMENT ON TYPE shop.mood IS 'feelings'", altered('type shop.mood (comment)')],
  ['function added', 'CREATE FUNCTION shop.two() RETURNS int LANGUAGE sql AS $$ SELECT 2 $$', added('function shop.two()')],
  ['function removed', 'DROP TRIGGER items_touch ON shop.items; DROP FUNCTION shop.touch()', { ...none, removed: ['function shop.touch()', 'trigger items_touch on shop.items'] }],
  ['function body', 'CREATE OR REPLACE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$', altered('function shop.touch() (source md5)')],
  ['function volatility', 'ALTER FUNCTION shop.touch() STABLE', altered('function shop.touch() (volatility)')],
  ['function comment', "COMMENT ON FUNCTION shop.touch() IS 'stamps'", altered('function shop.touch() (comment)')],
  ['view added', 'CREATE VIEW shop.dear AS SELECT id FROM shop.items WHERE price > 100', added('view shop.dear')],
  ['view removed', 'DROP VIEW shop.cheap', removed('view shop.cheap')],
  ['view altered', 'CREATE OR REPLACE VIEW shop.cheap AS SELECT id FROM shop.items WHERE price < 5', altered('view shop.cheap (definition)')],
  ['materialized view added', 'CREATE MATERIALIZED VIEW shop.counts AS SELECT count(*) FROM shop.items', added('materialized view shop.counts')],
  ['sequence added', 'CREATE SEQUENCE shop.invoices', added('sequence shop.invoices')],
  ['sequence removed', 'DROP SEQUENCE shop.tickets', removed('sequence shop.tickets')],
  ['sequence altered', 'ALTER SEQUENCE shop.tickets INCREMENT BY 5', altered('sequence shop.tickets (sequence increment)')],
  ['policy added', 'CREATE POLICY notes_all ON shop.notes USING (true)', added('policy notes_all on shop.notes')],
  ['policy removed', 'DROP POLICY items_read ON shop.items', removed('policy items_read on shop.items')],
  ['policy altered', 'ALTER POLICY items_read ON shop.items TO pg_monitor USING (id > 0)', altered('policy items_read on shop.items (roles, using expression)')],
  ['schema added', 'CREATE SCHEMA billing', added('schema billing')],
  ['schema comment', "COMMENT ON SCHEMA shop IS 'the store'", altered('schema shop (comment)')],
];

describe('a snapshot diff names every kind of change', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let before: SchemaSnapshot;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(baseSql);
    before = await readSchemaSnapshot(client);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it.each(changes)('%s', async (_, sql, expected) => {
    // Inside a transaction that is rolled back: a snapshot sees the open transaction's changes.
    await client.query('BEGIN');
    try {
      await client.query(sql);
      expect(summarizeDiff(diffSnapshots(before, await readSchemaSnapshot(client)))).toEqual(expected);
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
