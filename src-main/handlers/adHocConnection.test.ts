import { describe, expect, it } from 'vitest';
import { connectionProfileSchema } from '../contract';
import { adHocConnection } from './adHocConnection';

describe('adHocConnection', () => {
  it('describes a DATABASE_URL as a valid profile without its password', async () => {
    const { summary, target } = adHocConnection('postgresql://al%40ice:p%40ss@db.internal:6543/shop?sslmode=require');
    expect(summary).toMatchObject({ id: 'database-url', host: 'db.internal', port: 6543, database: 'shop', user: 'al@ice', sslMode: 'require', passwordSource: 'session', isSandbox: false });
    const { passwordSource: _source, isSandbox: _sandbox, ...profile } = summary;
    expect(connectionProfileSchema.safeParse(profile).success).toBe(true);
    expect(JSON.stringify(summary)).not.toContain('p%40ss');
    expect(JSON.stringify(summary)).not.toContain('p@ss');
    // Connected like a saved profile: libpq's require (encrypted, not verified), our name and the connect timeout.
    expect(await target()).toEqual({
      host: 'db.internal', port: 6543, database: 'shop', user: 'al@ice', password: 'p@ss', ssl: { rejectUnauthorized: false },
      application_name: 'pgm-studio', connectionTimeoutMillis: 10_000,
    });
  });

  it('fills defaults the way libpq does (port 5432, database = user)', () => {
    expect(adHocConnection('postgres://bob@localhost').summary).toMatchObject({ port: 5432, database: 'bob', user: 'bob', passwordSource: 'none', sslMode: 'prefer' });
  });

  it('reads the URL with the same parser as an import: verify-ca is verified in full, a broken %-escape is taken literally', () => {
    expect(adHocConnection('postgres://u@h/d?sslmode=verify-ca').summary.sslMode).toBe('verify-full');
    const { summary } = adHocConnection('postgres://%zz:p%zz@db.internal/shop');
    expect(summary).toMatchObject({ user: '%zz', database: 'shop', passwordSource: 'session' });
  });

  it('rejects a URL that is not postgres://, or names no user, with a hint, without echoing the password', () => {
    for (const url of ['mysql://root:hunter2@x/db', 'postgres://:hunter2@db/x', 'not a url hunter2']) {
      const thrown = (() => {
        try {
          adHocConnection(url);
        } catch (error) {
          return error as Error & { code?: string; hint?: string };
        }
      })();
      expect(thrown).toMatchObject({ code: 'invalid-input', hint: expect.any(String) });
      expect(JSON.stringify(thrown) + String(thrown?.message)).not.toContain('hunter2');
    }
  });
});
