// A rehearsal warns about the locks its statements take, with each table's size and activity now.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { rehearse } from './index';
import { migrationSuite } from './fixtures/migrationSuite';

describe('rehearsal lock warnings', () => {
  const suite = migrationSuite();
  const sessions: pg.Client[] = [];
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.end().catch(() => undefined)));
  });

  it('lists the lock of each statement on existing tables, with rows, size and the sessions using the table', async () => {
    await suite.db.query('CREATE TABLE users (id serial PRIMARY KEY, email text); INSERT INTO users (email) SELECT g::text FROM generate_series(1, 2000) g; ANALYZE users');
    await suite.makeProject({
      '1000_profile.js': [
        'exports.up = (pgm) => {',
        "  pgm.createTable('profiles', { id: 'id', user_id: { type: 'integer', references: 'users' } });",
        "  pgm.addColumn('users', { nickname: 'text' });",
        "  pgm.createIndex('users', 'email');",
        '};',
        'exports.down = () => {};',
        '',
      ].join('\n'),
    });
    const result = await rehearse(suite.target(), suite.project.settings, { direction: 'up' });
    expect(result.success).toBe(true);
    const users = { table: 'users', estimatedRows: 2000, totalBytes: expect.any(Number), activeSessions: 0 };
    expect(result.locks).toEqual([
      expect.objectContaining({ ...users, mode: 'SHARE ROW EXCLUSIVE', kind: 'FOREIGN KEY (referenced table)', blocks: 'writes' }),
      expect.objectContaining({ ...users, mode: 'ACCESS EXCLUSIVE', kind: 'ALTER TABLE', blocks: 'reads and writes' }),
      expect.objectContaining({ ...users, mode: 'SHARE', kind: 'CREATE INDEX', blocks: 'writes' }),
    ]);
    // The new table and the migrations table are not warned about.
    expect(result.locks?.map((l) => l.table)).not.toContain('profiles');
    expect(result.statements[result.locks?.[1]?.statement ?? -1]).toMatch(/ALTER TABLE "users"/);
  });

  it('counts the sessions that hold a lock on the table now (a reader in an open transaction)', async () => {
    await suite.db.query('CREATE TABLE users (id serial PRIMARY KEY, email text)');
    await suite.makeProject({ '1000_index.js': "exports.up = (pgm) => { pgm.createIndex('users', 'email'); };\nexports.down = () => {};\n" });
    // ACCESS SHARE does not conflict with CREATE INDEX's SHARE: the rehearsal runs, and sees the reader.
    const app = new pg.Client({ connectionString: suite.db.url, application_name: 'web-app' });
    sessions.push(app);
    await app.connect();
    await app.query('BEGIN');
    await app.query('SELECT count(*) FROM users');
    const result = await rehearse(suite.target(), suite.project.settings, { direction: 'up' });
    expect(result.locks).toEqual([expect.objectContaining({ table: 'users', mode: 'SHARE', activeSessions: 1, estimatedRows: null })]);
  });
});
