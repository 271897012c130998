import { describe, expect, it } from 'vitest';
import { StudioError } from '../../contract/errors';
import { parseConnectionUrl } from './connectionUrl';

describe('parseConnectionUrl', () => {
  it('reads host, port, database, user and a percent-encoded password', () => {
    expect(parseConnectionUrl('postgresql://app%40corp:p%40ss%2Fw0rd@db.example.com:6543/course_tracker?sslmode=require')).toEqual({
      host: 'db.example.com', port: 6543, database: 'course_tracker', user: 'app@corp', password: 'p@ss/w0rd', sslMode: 'require',
    });
  });

  it('applies libpq defaults: port 5432, database = user, sslmode prefer, no password', () => {
    expect(parseConnectionUrl('postgres://ada@localhost')).toEqual({ host: 'localhost', port: 5432, database: 'ada', user: 'ada', sslMode: 'prefer' });
  });

  it('maps libpq sslmodes onto the app\'s four', () => {
    const mode = (m: string) => parseConnectionUrl(`postgres://u@h/d?sslmode=${m}`).sslMode;
    expect([mode('disable'), mode('allow'), mode('verify-ca'), mode('no-verify'), mode('verify-full')]).toEqual(['disable', 'prefer', 'verify-full', 'require', 'verify-full']);
  });

  it('takes a broken %-escape literally, as pg does, instead of failing with a URIError', () => {
    expect(parseConnectionUrl('postgres://%zz:p%zz@db.internal/shop')).toMatchObject({ user: '%zz', password: 'p%zz', database: 'shop' });
  });

  it('rejects other schemes, unknown sslmodes and URLs without a user, masking the password', () => {
    for (const url of ['mysql://root:hunter22@h/d', 'postgres://u:hunter22@h/d?sslmode=sometimes', 'postgres://:hunter22@h/d', 'not a url hunter22']) {
      let error: unknown;
      try {
        parseConnectionUrl(url);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StudioError);
      expect((error as StudioError).code).toBe('invalid-input');
      expect((error as StudioError).hint).toMatch(/postgres:\/\//);
      expect(JSON.stringify(error)).not.toContain('hunter22');
    }
  });
});
