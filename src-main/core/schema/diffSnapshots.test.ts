import { describe, expect, it } from 'vitest';
import type { SchemaObject, SchemaSnapshot } from '../../contract';
import { diffSnapshots, isEmptyDiff, summarizeDiff } from './diffSnapshots';
import { undoStatements } from './undoStatements';

const table = (name: string): SchemaObject => ({ kind: 'table', schema: 'public', name, properties: { persistence: 'p' } });
const column = (tableName: string, name: string, type = 'integer', notNull = false): SchemaObject => ({ kind: 'column', schema: 'public', table: tableName, name, properties: { type, not_null: notNull } });
const index = (tableName: string, name: string): SchemaObject => ({ kind: 'index', schema: 'public', table: tableName, name, properties: { definition: `CREATE INDEX ${name} ON public.${tableName}` } });
const snapshot = (...objects: SchemaObject[]): SchemaSnapshot => ({ objects });

describe('diffSnapshots', () => {
  it('finds nothing between equal snapshots', () => {
    const a = snapshot(table('books'), column('books', 'id'));
    expect(isEmptyDiff(diffSnapshots(a, snapshot(...a.objects.map((o) => ({ ...o, properties: { ...o.properties } })))))).toBe(true);
  });

  it('names what was added, removed and altered, property by property', () => {
    const before = snapshot(table('books'), column('books', 'id'), column('books', 'title', 'text'), table('old'));
    const after = snapshot(table('books'), column('books', 'id'), column('books', 'title', 'character varying(200)', true), table('authors'), column('authors', 'id'), index('books', 'books_title_idx'));
    const diff = diffSnapshots(before, after);
    expect(diff.added.map((o) => `${o.kind} ${o.name}`)).toEqual(['table authors', 'column id', 'index books_title_idx']);
    expect(diff.removed.map((o) => `${o.kind} ${o.name}`)).toEqual(['table old']);
    expect(diff.altered).toEqual([
      {
        before: column('books', 'title', 'text'),
        after: column('books', 'title', 'character varying(200)', true),
        changes: [
          { property: 'not_null', before: false, after: true },
          { property: 'type', before: 'text', after: 'character varying(200)' },
        ],
      },
    ]);
  });

  it('tells a property that appeared or vanished (a default dropped) as a change to or from null', () => {
    const withDefault: SchemaObject = { ...column('books', 'n'), properties: { type: 'integer', not_null: false, default_value: '0' } };
    expect(diffSnapshots(snapshot(withDefault), snapshot(column('books', 'n'))).altered[0]?.changes).toEqual([{ property: 'default_value', before: '0', after: null }]);
  });

  it('keeps same-named objects of different kinds, tables or schemas apart', () => {
    const before = snapshot(column('a', 'id'), { ...table('x'), schema: 'one' });
    const after = snapshot(column('b', 'id'), { ...table('x'), schema: 'two' }, { kind: 'view', schema: 'one', name: 'x', properties: {} });
    const diff = diffSnapshots(before, after);
    expect(diff.added).toHaveLength(3);
    expect(diff.removed).toHaveLength(2);
  });
});

describe('summarizeDiff', () => {
  it('one line per object, without repeating the parts of a new or dropped table', () => {
    const before = snapshot(table('books'), column('books', 'id'), table('gone'), column('gone', 'id'));
    const after = snapshot(table('books'), column('books', 'id', 'bigint'), column('books', 'isbn', 'text'), table('authors'), column('authors', 'id'), index('authors', 'authors_pkey'));
    expect(summarizeDiff(diffSnapshots(before, after))).toEqual({
      added: ['column isbn on public.books', 'table public.authors'],
      removed: ['table public.gone'],
      altered: ['column id on public.books (type)'],
    });
  });
});

describe('undoStatements', () => {
  it('drops what was added, dependents first, leaving the parts of an added table to its DROP TABLE', () => {
    const before = snapshot(table('books'));
    const after = snapshot(
      table('books'),
      column('books', 'isbn'),
      index('books', 'books_isbn_idx'),
      { kind: 'constraint', schema: 'public', table: 'books', name: 'books_isbn_key', properties: { type: 'u' } },
      index('books', 'books_isbn_key'),
      table('Authors'),
      column('Authors', 'id'),
      { kind: 'sequence', schema: 'public', name: 'Authors_id_seq', properties: { owned_by: 'public.Authors.id' } },
      { kind: 'function', schema: 'public', name: 'touch(integer, text)', properties: { kind: 'function' } },
      { kind: 'type', schema: 'public', name: 'mood', properties: { category: 'enum' } },
      { kind: 'trigger', schema: 'public', table: 'books', name: 'books_touch', properties: {} },
    );
    expect(undoStatements(diffSnapshots(before, after))).toEqual([
      'DROP TRIGGER "books_touch" ON "public"."books";',
      'ALTER TABLE "public"."books" DROP CONSTRAINT "books_isbn_key";',
      'DROP INDEX CONCURRENTLY IF EXISTS "public"."books_isbn_idx";',
      'ALTER TABLE "public"."books" DROP COLUMN "isbn";',
      'DROP TABLE "public"."Authors";',
      'DROP FUNCTION "public"."touch"(integer, text);',
      'DROP TYPE "public"."mood";',
    ]);
  });
});
