import { describe, expect, it } from 'vitest';
import { groupKey, schemaKey, visibleTreeRows, type TreeSchema } from './schemaTreeRows';

function schemaWith(name: string, tables: string[], views: string[] = []): TreeSchema {
  const object = (kind: string) => (n: string) => ({ schema: name, name: n, kind, openable: true });
  return {
    name,
    groups: [
      { kind: 'table', label: 'Tables', objects: tables.map(object('table')) },
      { kind: 'view', label: 'Views', objects: views.map(object('view')) },
    ],
  };
}

describe('visibleTreeRows', () => {
  const schemas = [schemaWith('public', ['users', 'courses', 'user_preferences'], ['active_users']), schemaWith('audit', ['log'])];

  it('shows only the schemas until one is opened, then its groups, then a group’s objects', () => {
    expect(visibleTreeRows(schemas, new Set(), '').map((r) => r.key)).toEqual(['s:public', 's:audit']);
    const open = new Set([schemaKey('public'), groupKey('public', 'table')]);
    const labels = visibleTreeRows(schemas, open, '').map((r) => (r.type === 'object' ? r.object.name : r.label));
    expect(labels).toEqual(['public', 'Tables', 'users', 'courses', 'user_preferences', 'Views', 'audit']);
  });

  it('filters by name or schema.name and opens the branches that match, whatever is expanded', () => {
    const rows = visibleTreeRows(schemas, new Set(), 'USER');
    expect(rows.filter((r) => r.type === 'object').map((r) => r.type === 'object' && r.object.name)).toEqual(['users', 'user_preferences', 'active_users']);
    expect(rows.map((r) => r.key)).not.toContain('s:audit');
    expect(visibleTreeRows(schemas, new Set(), 'audit.l').map((r) => r.key)).toEqual(['s:audit', 'g:audit:table', 'o:audit:table:log']);
    expect(visibleTreeRows(schemas, new Set(), 'nothing-like-this')).toEqual([]);
  });

  it('counts what each branch holds under the filter', () => {
    const [schema, tables] = visibleTreeRows(schemas, new Set(), 'user');
    expect(schema).toMatchObject({ type: 'schema', count: 3 });
    expect(tables).toMatchObject({ type: 'group', label: 'Tables', count: 2 });
  });

  it('filters 2,000 tables in memory, down to the one that matches', () => {
    const many = [schemaWith('public', Array.from({ length: 2_000 }, (_, i) => `table_${String(i).padStart(4, '0')}`))];
    expect(visibleTreeRows(many, new Set(), 'table_1').filter((r) => r.type === 'object')).toHaveLength(1_000);
    expect(visibleTreeRows(many, new Set(), 'table_1999').filter((r) => r.type === 'object')).toHaveLength(1);
  });
});
