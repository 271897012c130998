import { describe, expect, it } from 'vitest';
import type { SchemaObject } from '../../../src-main/contract';
import { groupDiff } from './diffModel';

const table = (name: string): SchemaObject => ({ kind: 'table', schema: 'public', name, properties: {} });
const column = (tableName: string, name: string, type: string, notNull = false): SchemaObject => ({ kind: 'column', schema: 'public', table: tableName, name, properties: { type, not_null: notNull } });
const index = (tableName: string, name: string): SchemaObject => ({ kind: 'index', schema: 'public', table: tableName, name, properties: { definition: `CREATE INDEX ${name} ON public.${tableName} USING btree (x)` } });

describe('groupDiff', () => {
  it('puts a new table first in its group, with its columns and indexes as its items', () => {
    const groups = groupDiff({ added: [table('user_preferences'), column('user_preferences', 'theme', 'character varying(20)'), column('user_preferences', 'id', 'integer', true), index('user_preferences', 'user_preferences_user_id_index')], removed: [], altered: [] });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ relation: { schema: 'public', name: 'user_preferences' }, change: 'added' });
    expect(groups[0]?.items.map((i) => `${i.kind} ${i.name}: ${i.detail}`)).toEqual([
      'column id: integer, not null',
      'column theme: character varying(20)',
      'index user_preferences_user_id_index: CREATE INDEX user_preferences_user_id_index ON public.user_preferences USING btree (x)',
    ]);
  });

  it('groups changes to an existing table under it, altered, with each property before and after', () => {
    const before = column('users', 'email', 'character varying(255)');
    const after = column('users', 'email', 'text', true);
    const groups = groupDiff({
      added: [index('users', 'users_email_idx')],
      removed: [column('users', 'legacy', 'text')],
      altered: [{ before, after, changes: [{ property: 'not_null', before: false, after: true }, { property: 'type', before: 'character varying(255)', after: 'text' }] }],
    });
    expect(groups).toHaveLength(1);
    expect(groups[0]?.change).toBe('altered');
    expect(groups[0]?.items.map((i) => [i.change, i.kind, i.name])).toEqual([
      ['altered', 'column', 'email'],
      ['removed', 'column', 'legacy'],
      ['added', 'index', 'users_email_idx'],
    ]);
    expect(groups[0]?.items[0]?.changes).toEqual([{ property: 'not_null', before: false, after: true }, { property: 'type', before: 'character varying(255)', after: 'text' }]);
  });

  it('puts a serial’s sequence with its table, not among the other objects', () => {
    const sequence: SchemaObject = { kind: 'sequence', schema: 'public', name: 'user_preferences_id_seq', properties: { owned_by: 'public.user_preferences.id' } };
    const groups = groupDiff({ added: [table('user_preferences'), sequence], removed: [], altered: [] });
    expect(groups.map((g) => g.relation?.name ?? null)).toEqual(['user_preferences']);
    expect(groups[0]?.items.map((i) => i.name)).toEqual(['user_preferences_id_seq']);
  });

  it('lists objects outside tables (types, functions) in a last group of their own', () => {
    const groups = groupDiff({ added: [{ kind: 'type', schema: 'public', name: 'mood', properties: { category: 'enum', labels: "'happy', 'sad'" } }], removed: [table('old')], altered: [] });
    expect(groups.map((g) => [g.relation?.name ?? null, g.change])).toEqual([['old', 'removed'], [null, 'altered']]);
    expect(groups[1]?.items[0]).toMatchObject({ kind: 'type', name: 'mood', detail: "enum: 'happy', 'sad'" });
  });
});
