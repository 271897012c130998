import { describe, expect, it } from 'vitest';
import { maskUrlPasswords, SecretMasker } from './masking';

describe('maskUrlPasswords', () => {
  it('hides the password of every URL in a text and keeps the rest', () => {
    const text = 'failed on postgres://alice:s3cr%40t@db.example:5432/app and postgresql://bob:pw@h/x';
    expect(maskUrlPasswords(text)).toBe('failed on postgres://alice:***@db.example:5432/app and postgresql://bob:***@h/x');
  });

  it('hides the password even in text that is not a valid URL', () => {
    expect(maskUrlPasswords('postgres://ada:s3cr%t@db:5432/x and more')).toBe('postgres://ada:***@db:5432/x and more');
  });

  it('hides a password given as a query parameter, which pg and libpq also read', () => {
    expect(maskUrlPasswords('postgres://app@db:5432/x?password=s3cret')).toBe('postgres://app@db:5432/x?password=***');
    expect(maskUrlPasswords('postgresql://app@db/x?sslmode=disable&password=s3%40t&application_name=a on db')).toBe(
      'postgresql://app@db/x?sslmode=disable&password=***&application_name=a on db',
    );
  });

  it('leaves URLs without a password alone', () => {
    expect(maskUrlPasswords('postgres://alice@db/app postgres://db:5432/app')).toBe('postgres://alice@db/app postgres://db:5432/app');
  });
});

describe('SecretMasker', () => {
  it('hides registered secrets wherever they appear, decoded or not', () => {
    const masker = new SecretMasker();
    masker.add('s3cr@t');
    expect(masker.mask('password authentication failed: s3cr@t was wrong')).toBe('password authentication failed: *** was wrong');
  });

  it('hides the decoded password of a URL that gives it as a query parameter', () => {
    const masker = new SecretMasker();
    masker.addUrlPassword('postgres://app@db/x?password=s3cr%40t');
    expect(masker.mask('password authentication failed: s3cr@t was wrong')).toBe('password authentication failed: *** was wrong');
  });

  it('ignores secrets too short to mask safely', () => {
    const masker = new SecretMasker();
    masker.add('a');
    expect(masker.mask('a database')).toBe('a database');
  });
});
