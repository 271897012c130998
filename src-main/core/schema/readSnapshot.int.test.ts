import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaSnapshot } from '../../contract';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { describeSchemaObject, diffSnapshots, readSchemaSnapshot, summarizeDiff, undoStatements, type CatalogReader } from './index';

const schemaSql = `
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE SCHEMA library;
CREATE TYPE library.mood AS ENUM ('happy', 'sad');
CREATE DOMAIN library.isbn AS text NOT NULL CHECK (length(VALUE) = 13);
CREATE TYPE library.pair AS (a int, b text);
CREATE SEQUENCE library.tickets START 100 INCREMENT 5;
CREATE TABLE library.authors (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL DEFAULT 'anon', name_upper text GENERATED ALWAYS AS (upper(name)) STORED);
CREATE TABLE library.books (id serial PRIMARY KEY, author_id int REFERENCES library.authors DEFERRABLE INITIALLY DEFERRED, code library.isbn, feeling library.mood, UNIQUE (code));
CREATE INDEX books_feeling_idx ON library.books (feeling) WHERE feeling IS NOT NULL;
CREATE TABLE library.loans (id int, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE library.loans_2026 PARTITION OF library.loans FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE VIEW library.book_titles AS SELECT id, code FROM library.books;
CREATE MATERIALIZED VIEW library.book_count AS SELECT count(*) AS n FROM library.books;
CREATE FUNCTION library.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER books_touch BEFORE UPDATE ON library.books FOR EACH ROW EXECUTE FUNCTION library.touch();
CREATE TABLE public.pgmigrations (id serial PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL);
`;

describe('readSchemaSnapshot against a real database', () => {
  let db: TestDatabase;
  let client: pg.Client;
  const queries: string[] = [];
  const counting: CatalogReader = {
    query: async (sql, values) => {
      queries.push(sql);
      return client.query(sql, values as unknown[]) as never;
    },
  };
  const snapshot = () => readSchemaSnapshot(counting, { migrationsTable: { schema: 'public', table: 'pgmigrations' } });

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(schemaSql);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('lists every kind of object, leaves out the system schemas, the extension\'s own objects and the migrations table', async () => {
    const described = (await snapshot()).objects.map(describeSchemaObject);
    expect(described).toEqual(
      expect.arrayContaining([
        'schema library',
        'extension pgcrypto',
        'type library.mood',
        'type library.isbn',
        'type library.pair',
        'sequence library.tickets',
        'sequence library.books_id_seq',
        'table library.authors',
        'column name_upper on library.authors',
        'constraint books_author_id_fkey on library.books',
        'constraint isbn_check on library.isbn',
        'index books_feeling_idx on library.books',
        'partitioned table library.loans',
        'table library.loans_2026',
        'view library.book_titles',
        'materialized view library.book_count',
        'function library.touch()',
        'trigger books_touch on library.books',
      ]),
    );
    expect(described.filter((d) => /pgmigrations|pg_catalog|information_schema|pg_toast/.test(d))).toEqual([]);
    // pgcrypto's functions belong to the extension: listed once, as the extension.
    expect(described.filter((d) => d.startsWith('function public.'))).toEqual([]);
  });

  it('records what the diff compares: types, nullability, defaults, identity, generated, definitions', async () => {
    const { objects } = await snapshot();
    const find = (kind: string, name: string, table?: string) => objects.find((o) => o.kind === kind && o.name === name && o.table === table);
    expect(find('column', 'name', 'authors')?.properties).toMatchObject({ type: 'text', not_null: true, default_value: "'anon'::text" });
    expect(find('column', 'id', 'authors')?.properties).toMatchObject({ type: 'integer', identity: 'a' });
    expect(find('column', 'name_upper', 'authors')?.properties).toMatchObject({ generated: 's', default_value: 'upper(name)' });
    expect(find('constraint', 'books_author_id_fkey', 'books')?.properties.definition).toMatch(/REFERENCES library\.authors\(id\) DEFERRABLE INITIALLY DEFERRED/);
    expect(find('index', 'books_feeling_idx', 'books')?.properties).toMatchObject({ is_valid: true, is_unique: false });
    expect(find('type', 'mood')?.properties).toMatchObject({ category: 'enum', labels: "'happy', 'sad'" });
    expect(find('table', 'loans_2026')?.properties.partition_bound).toMatch(/FOR VALUES FROM \('2026-01-01'\)/);
    expect(find('sequence', 'tickets')?.properties).toMatchObject({ sequence_start: '100', sequence_increment: '5' });
    expect(find('sequence', 'books_id_seq')?.properties.owned_by).toBe('library.books.id');
  });

  it('reads the whole catalog in a fixed number of queries, however many tables there are', async () => {
    queries.length = 0;
    await snapshot();
    const few = queries.length;
    await client.query(Array.from({ length: 40 }, (_, i) => `CREATE TABLE library.extra_${i} (id int PRIMARY KEY, label text);`).join('\n'));
    queries.length = 0;
    const many = await snapshot();
    expect(queries.length).toBe(few);
    expect(few).toBeLessThanOrEqual(10);
    expect(many.objects.filter((o) => o.kind === 'table' && o.name.startsWith('extra_'))).toHaveLength(40);
    await client.query(Array.from({ length: 40 }, (_, i) => `DROP TABLE library.extra_${i};`).join('\n'));
  });

  it('two snapshots compare: a diff names the change, and its undo statements really undo it', async () => {
    const before: SchemaSnapshot = await snapshot();
    expect(diffSnapshots(before, await snapshot())).toEqual({ added: [], removed: [], altered: [] });
    await client.query(`
      ALTER TABLE library.authors ALTER COLUMN name DROP DEFAULT;
      ALTER TABLE library.books ADD COLUMN pages int;
      CREATE INDEX books_pages_idx ON library.books (pages);
      CREATE TABLE library.shelves (id bigserial PRIMARY KEY, label text UNIQUE);
      ALTER TYPE library.mood ADD VALUE 'meh';
      DROP VIEW library.book_titles;`);
    const diff = diffSnapshots(before, await snapshot());
    expect(summarizeDiff(diff)).toEqual({
      added: ['column pages on library.books', 'index books_pages_idx on library.books', 'table library.shelves'],
      removed: ['view library.book_titles'],
      altered: ['column name on library.authors (default value)', 'type library.mood (labels)'],
    });
    for (const statement of undoStatements(diff)) await client.query(statement);
    const left = summarizeDiff(diffSnapshots(before, await snapshot()));
    expect(left.added).toEqual([]);
  });
});
