import { describe, expect, it } from 'vitest';
import { connectionRunTimeouts, postgresIntervalSchema } from './index';

describe('run timeouts of a connection', () => {
  it('production gets a short lock timeout and a bounded statement timeout by default; other environments none', () => {
    expect(connectionRunTimeouts({ environment: 'production' })).toEqual({ lockTimeout: '5s', statementTimeout: '15min' });
    expect(connectionRunTimeouts({ environment: 'development', productionMatch: 'Prod' })).toEqual({ lockTimeout: '5s', statementTimeout: '15min' });
    expect(connectionRunTimeouts({ environment: 'development' })).toEqual({});
    expect(connectionRunTimeouts({ environment: 'staging' })).toEqual({});
  });

  it('a connection\'s own values win, 0 included (off)', () => {
    expect(connectionRunTimeouts({ environment: 'production', lockTimeout: '0', statementTimeout: '1h' })).toEqual({ lockTimeout: '0', statementTimeout: '1h' });
    expect(connectionRunTimeouts({ environment: 'development', lockTimeout: '2s' })).toEqual({ lockTimeout: '2s' });
  });

  it('accepts PostgreSQL times and nothing that could reach SQL otherwise', () => {
    for (const ok of ['5s', '500ms', '2min', '1h', '1d', '1500', '0', '1.5s', '10 s']) expect(postgresIntervalSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['5 seconds', '', 's', '-1s', "1s'; drop table x; --", '5S', '1w']) expect(postgresIntervalSchema.safeParse(bad).success, bad).toBe(false);
  });
});
