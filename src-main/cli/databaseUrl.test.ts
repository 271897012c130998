import { describe, expect, it } from 'vitest';
import { StudioError } from '../contract';
import { parseDatabaseUrl } from './databaseUrl';

describe('parseDatabaseUrl', () => {
  it('keeps the URL for pg and labels it without the password', () => {
    const parsed = parseDatabaseUrl('postgres://app:p%40ss@db.internal:6543/tracker', '--database-url');
    expect(parsed.target.connectionString).toBe('postgres://app:p%40ss@db.internal:6543/tracker');
    expect(parsed.label).toBe('postgres://app:***@db.internal:6543/tracker');
    expect(parsed.password).toBe('p@ss');
  });

  it('rejects something that is not a PostgreSQL URL with a hint', () => {
    for (const bad of ['not a url', 'mysql://u@h/db']) {
      try {
        parseDatabaseUrl(bad, 'DATABASE_URL');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(StudioError);
        expect((error as StudioError).code).toBe('invalid-input');
        expect((error as StudioError).hint).toMatch(/postgres:\/\//);
      }
    }
  });
});
