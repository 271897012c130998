import { describe, expect, it } from 'vitest';
import { evaluateMigration } from './evaluateMigration';
import { lintMigration } from './lint';
import { sqlChanges } from './schemaChanges';

describe('sqlChanges: what SQL text does to the schema', () => {
  it('reads tables, columns, keys and indexes, with the line each statement starts on', () => {
    const sql = [
      '-- a comment; with a semicolon',
      'CREATE TABLE public."Orders" (',
      '  id serial PRIMARY KEY,',
      '  user_id integer NOT NULL REFERENCES users (id),',
      "  note text DEFAULT 'a;b'",
      ');',
      'ALTER TABLE users ADD COLUMN tier text NOT NULL, DROP COLUMN legacy;',
      'CREATE INDEX CONCURRENTLY users_tier_idx ON users (tier);',
      'DROP TABLE IF EXISTS a, b CASCADE;',
    ].join('\n');
    expect(sqlChanges(sql, 10)).toEqual([
      { kind: 'create-table', table: 'Orders', line: 11 },
      { kind: 'indexed-column', table: 'Orders', column: 'id', line: 11 },
      { kind: 'foreign-key', table: 'Orders', column: 'user_id', line: 11 },
      { kind: 'add-column', table: 'users', column: 'tier', notNull: true, hasDefault: false, line: 16 },
      { kind: 'drop-column', table: 'users', column: 'legacy', line: 16 },
      { kind: 'create-index', table: 'users', firstColumn: 'tier', concurrently: true, line: 17 },
      { kind: 'drop-table', table: 'a', line: 18 },
      { kind: 'drop-table', table: 'b', line: 18 },
    ]);
  });

  it('tells DELETE and UPDATE with WHERE from those without, and ignores DROP CONSTRAINT / DEFAULT', () => {
    expect(sqlChanges('DELETE FROM s WHERE id = 1; UPDATE s SET a = 1; ALTER TABLE s DROP CONSTRAINT s_pkey, ALTER COLUMN a DROP DEFAULT', 1)).toEqual([
      { kind: 'delete', table: 's', hasWhere: true, line: 1 },
      { kind: 'update', table: 's', hasWhere: false, line: 1 },
    ]);
  });
});

describe('lint of a .sql migration', { timeout: 60_000 }, () => {
  it('places findings on the lines of the file', async () => {
    const content = '-- Up Migration\nALTER TABLE users ADD COLUMN tier text;\n\nDELETE FROM sessions;\n-- Down Migration\nALTER TABLE users DROP COLUMN tier;\nDROP TABLE audit_log;\n';
    const findings = lintMigration({ name: 'add_tier_to_users', language: 'sql', content }, await evaluateMigration('sql', content), null);
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ['destructive-up', 4],
      ['rollback-data-loss', 7],
    ]);
  });
});
