import { describe, expect, it } from 'vitest';
import { connectionProfileSchema } from '../contract';
import { adHocConnection } from './adHocConnection';

describe('adHocConnection', () => {
  it('describes a DATABASE_URL as a valid profile without its password', () => {
    const { summary, target } = adHocConnection('postgresql://al%40ice:p%40ss@db.internal:6543/shop?sslmode=require');
    expect(summary).toMatchObject({ id: 'database-url', host: 'db.internal', port: 6543, database: 'shop', user: 'al@ice', sslMode: 'require', passwordSource: 'session', isSandbox: false });
    const { passwordSource: _source, isSandbox: _sandbox, ...profile } = summary;
    expect(connectionProfileSchema.safeParse(profile).success).toBe(true);
    expect(JSON.stringify(summary)).not.toContain('p%40ss');
    expect(JSON.stringify(summary)).not.toContain('p@ss');
    expect(target).toEqual({ connectionString: 'postgresql://al%40ice:p%40ss@db.internal:6543/shop?sslmode=require' });
  });

  it('fills defaults the way libpq does (port 5432, database = user)', () => {
    expect(adHocConnection('postgres://bob@localhost').summary).toMatchObject({ port: 5432, database: 'bob', user: 'bob', passwordSource: 'none', sslMode: 'prefer' });
  });

  it('takes a broken %-escape literally, as pg does, instead of failing with a URIError', () => {
    const { summary } = adHocConnection('postgres://%zz:p%zz@db.internal/shop');
    expect(summary).toMatchObject({ user: '%zz', database: 'shop', passwordSource: 'session' });
  });

  it('rejects a URL that is not postgres:// with a hint, without echoing it', () => {
    expect(() => adHocConnection('mysql://root:hunter2@x/db')).toThrowError(expect.objectContaining({ code: 'invalid-input', hint: expect.any(String) }));
    const thrown = (() => {
      try {
        adHocConnection('not a url hunter2');
      } catch (error) {
        return error as Error;
      }
    })();
    expect(thrown).toMatchObject({ code: 'invalid-input' });
    expect(thrown?.message).not.toContain('hunter2');
  });
});
