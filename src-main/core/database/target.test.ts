import { describe, expect, it } from 'vitest';
import { libpqEnvironment } from './libpqEnvironment';
import { poolKey } from './pools';
import { describeTarget, identityOf } from './target';

const profileTarget = {
  host: 'db.example.com', port: 6543, database: 'tracker', user: 'ada', password: 'Pa55-w0rd-secret',
  ssl: { rejectUnauthorized: false }, application_name: 'pgm-studio', connectionTimeoutMillis: 10_000,
};

describe('identityOf / describeTarget', () => {
  it('names a pg config and a connection string alike, never with the password', () => {
    expect(identityOf(profileTarget)).toEqual({ host: 'db.example.com', port: 6543, database: 'tracker', user: 'ada' });
    expect(identityOf({ connectionString: 'postgres://ada:Pa55-w0rd-secret@db.example.com:6543/tracker' })).toEqual(identityOf(profileTarget));
    expect(describeTarget(profileTarget)).toBe('ada@db.example.com:6543/tracker');
    expect(describeTarget({ host: '::1', user: 'bob' })).toBe('bob@[::1]:5432/bob');
  });
});

describe('poolKey', () => {
  it('tells apart users and passwords of one database without showing the password', () => {
    const key = poolKey(profileTarget);
    expect(key).toMatch(/^ada@db\.example\.com:6543\/tracker#[0-9a-f]{16}$/);
    expect(key).not.toContain('Pa55');
    expect(poolKey({ ...profileTarget })).toBe(key);
    expect(poolKey({ ...profileTarget, password: 'another-one' })).not.toBe(key);
    expect(poolKey({ ...profileTarget, user: 'eve' })).not.toBe(key);
  });
});

describe('libpqEnvironment', () => {
  it('gives pg_dump/psql the same database, the password only in PGPASSWORD, and the SSL mode libpq understands', () => {
    expect(libpqEnvironment(profileTarget)).toEqual({
      PGHOST: 'db.example.com', PGPORT: '6543', PGDATABASE: 'tracker', PGUSER: 'ada', PGPASSWORD: 'Pa55-w0rd-secret',
      PGSSLMODE: 'require', PGAPPNAME: 'pgm-studio', PGCONNECT_TIMEOUT: '10',
    });
  });

  it('maps each pg ssl option back to its libpq sslmode, and reads a connection string', () => {
    expect(libpqEnvironment({ ...profileTarget, ssl: false }).PGSSLMODE).toBe('disable');
    expect(libpqEnvironment({ ...profileTarget, ssl: { rejectUnauthorized: true, servername: 'db.example.com' } }).PGSSLMODE).toBe('verify-full');
    const fromUrl = libpqEnvironment({ connectionString: 'postgres://al%40ice:p%40ss@db.internal/shop?sslmode=verify-ca' });
    expect(fromUrl).toMatchObject({ PGHOST: 'db.internal', PGPORT: '5432', PGDATABASE: 'shop', PGUSER: 'al@ice', PGPASSWORD: 'p@ss', PGSSLMODE: 'verify-full' });
  });

  it('leaves PGPASSWORD out when there is none (libpq then reads ~/.pgpass)', () => {
    expect(libpqEnvironment({ host: 'h', user: 'u', database: 'd', ssl: false })).not.toHaveProperty('PGPASSWORD');
  });
});
