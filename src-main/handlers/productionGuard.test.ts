import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../contract';
import { databaseIdentity, markProductionMatches, requireConfirmation, sameDatabase } from './productionGuard';

const entry = (overrides: Partial<ConnectionSummary>): ConnectionSummary => ({
  id: 'id', name: 'name', host: 'db.internal', port: 5432, database: 'shop', user: 'app', sslMode: 'prefer',
  environment: 'development', color: '#2f9e44', passwordSource: 'none', isSandbox: false, ...overrides,
});

describe('database identity', () => {
  it('treats localhost, 127.0.0.1 and ::1 as one host, and the host case-insensitively', () => {
    for (const host of ['localhost', '127.0.0.1', '::1', '[::1]', 'LOCALHOST']) expect(databaseIdentity({ host, port: 5432, database: 'shop' }).host).toBe('localhost');
    expect(sameDatabase({ host: 'DB.internal', port: 5432, database: 'shop' }, { host: 'db.internal', port: 5432, database: 'shop' })).toBe(true);
  });

  it('tells apart another port or another database (database names are case-sensitive in PostgreSQL)', () => {
    expect(sameDatabase({ host: 'localhost', port: 5432, database: 'shop' }, { host: '127.0.0.1', port: 5433, database: 'shop' })).toBe(false);
    expect(sameDatabase({ host: 'localhost', port: 5432, database: 'shop' }, { host: 'localhost', port: 5432, database: 'Shop' })).toBe(false);
  });
});

describe('markProductionMatches', () => {
  it('marks the DATABASE_URL entry that reaches a saved production database as production, naming it', () => {
    const [adHoc, saved] = markProductionMatches([
      entry({ id: 'database-url', host: '127.0.0.1' }),
      entry({ id: 'p', name: 'Shop production', host: 'localhost', environment: 'production', color: '#e03131' }),
    ]);
    expect(adHoc).toMatchObject({ environment: 'production', productionMatch: 'Shop production' });
    expect(saved).not.toHaveProperty('productionMatch');
  });

  it('marks a saved development entry for the same database without rewriting its own tag', () => {
    const [dev] = markProductionMatches([entry({ id: 'd' }), entry({ id: 'p', name: 'Prod', environment: 'production' })]);
    expect(dev).toMatchObject({ environment: 'development', productionMatch: 'Prod' });
  });

  it('leaves other databases and the sandbox alone', () => {
    const list = [entry({ id: 'd', database: 'other' }), entry({ id: 's', isSandbox: true }), entry({ id: 'p', environment: 'production' })];
    expect(markProductionMatches(list)).toEqual(list);
  });
});

describe('requireConfirmation', () => {
  const production = entry({ environment: 'production' });

  it('refuses a production run without the name, with a hint for the door it came through', () => {
    expect(() => requireConfirmation(production, undefined, 'cli')).toThrowError(
      expect.objectContaining({ code: 'confirmation-required', message: expect.stringContaining('shop on db.internal:5432 is a production database'), hint: expect.stringContaining('--confirm shop') }),
    );
    expect(() => requireConfirmation(production, undefined, 'server')).toThrowError(expect.objectContaining({ hint: expect.stringContaining('"confirm": "shop"') }));
  });

  it('refuses a wrong name anywhere, production or not, and accepts the right one', () => {
    expect(() => requireConfirmation(production, 'shop_staging', 'cli')).toThrowError(expect.objectContaining({ code: 'confirmation-required', message: expect.stringContaining('"shop_staging"') }));
    expect(() => requireConfirmation(entry({}), 'shop_staging', 'cli')).toThrowError(expect.objectContaining({ code: 'confirmation-required' }));
    expect(() => requireConfirmation(production, 'shop', 'cli')).not.toThrow();
    expect(() => requireConfirmation(entry({}), undefined, 'cli')).not.toThrow();
  });

  it('names the saved production connection a URL target matched', () => {
    const [matched] = markProductionMatches([entry({ id: 'database-url' }), entry({ id: 'p', name: 'Shop production', environment: 'production' })]);
    expect(() => requireConfirmation(matched!, undefined, 'electron')).toThrowError(expect.objectContaining({ message: expect.stringContaining('"Shop production"') }));
  });
});
