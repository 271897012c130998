import { describe, expect, it } from 'vitest';
import { StudioError } from '../../contract';
import { connectErrorFor, explainDatabaseError } from './databaseErrors';

const attempt = { host: 'db.example.com', port: 6543, database: 'tracker', user: 'ada', password: 'Pa55-word-in-error' };

describe('connectErrorFor', () => {
  it('maps DNS failures and timeouts to connection-failed naming host:port', () => {
    for (const error of [Object.assign(new Error('getaddrinfo ENOTFOUND db.example.com'), { code: 'ENOTFOUND' }), new Error('Connection terminated due to connection timeout')]) {
      const mapped = connectErrorFor(error, attempt);
      expect(mapped.code).toBe('connection-failed');
      expect(mapped.hint).toContain('db.example.com:6543');
    }
  });

  it('maps a rejected role to auth-failed and TLS problems to a hint about the SSL mode', () => {
    expect(connectErrorFor(Object.assign(new Error('no pg_hba.conf entry for host'), { code: '28000' }), attempt).code).toBe('auth-failed');
    expect(connectErrorFor(new Error('The server does not support SSL connections'), attempt).hint).toMatch(/SSL mode/);
  });

  it('scrubs the password out of any text that echoes it', () => {
    const mapped = connectErrorFor(new Error(`weird failure mentioning ${attempt.password}`), attempt);
    expect(JSON.stringify(mapped.toJSON())).not.toContain(attempt.password);
    expect(mapped.message).toContain('***');
  });

  it("maps pg's client-side password refusal (no password saved) to auth-failed with a next step", () => {
    const mapped = connectErrorFor(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), { ...attempt, password: undefined });
    expect(mapped.code).toBe('auth-failed');
    expect(mapped.hint).toMatch(/password/);
  });
});

const pgError = (message: string, fields: Record<string, string>) => Object.assign(new Error(message), fields);

describe('explainDatabaseError', () => {
  it('keeps StudioErrors, names lost connections, explains PostgreSQL errors by SQLSTATE', () => {
    const studio = new StudioError('lock-held', 'held');
    expect(explainDatabaseError(studio)).toBe(studio);
    expect(explainDatabaseError(new Error('Connection terminated unexpectedly'))).toMatchObject({ code: 'connection-failed' });
    const denied = explainDatabaseError(pgError('permission denied for table pgmigrations', { code: '42501' }));
    expect(denied).toMatchObject({ code: 'database-error', detail: { pgCode: '42501' }, hint: expect.stringContaining('GRANT') });
  });

  it('returns anything else as is, so the router logs it in full and answers with its internal shape', () => {
    const weird = new Error('weird');
    expect(explainDatabaseError(weird)).toBe(weird);
  });
});
