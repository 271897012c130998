import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPassword, secretFrom } from './secretOptions';

describe('secrets from a file or an option', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pgm-secret-options-'));
    await writeFile(join(dir, 'url'), 'postgres://app:s3cret@db:5432/app\n# a comment line is ignored\n');
    await writeFile(join(dir, 'empty'), '\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the first line of the file, trimmed', () => {
    expect(secretFrom('--database-url', undefined, join(dir, 'url'))).toBe('postgres://app:s3cret@db:5432/app');
    expect(secretFrom('--database-url', 'postgres://x@y/z', undefined)).toBe('postgres://x@y/z');
    expect(secretFrom('--database-url', undefined, undefined)).toBeUndefined();
  });

  it('refuses both at once, a missing file and an empty one, with a hint and without the value', () => {
    expect(() => secretFrom('--admin-token', 'abc', join(dir, 'url'))).toThrowError(expect.objectContaining({ code: 'invalid-input', message: 'Give --admin-token or --admin-token-file, not both.' }));
    expect(() => secretFrom('--admin-token', undefined, join(dir, 'nope'))).toThrowError(expect.objectContaining({ code: 'invalid-input', message: expect.stringMatching(/Cannot read --admin-token-file .*nope \(ENOENT\)/), hint: expect.any(String) }));
    expect(() => secretFrom('--admin-token', undefined, join(dir, 'empty'))).toThrowError(expect.objectContaining({ message: expect.stringMatching(/is empty/) }));
  });

  it('knows a URL or a key=value string with a password', () => {
    expect(hasPassword('postgres://app:pw@db/app')).toBe(true);
    expect(hasPassword('postgres://app@db/app')).toBe(false);
    expect(hasPassword('postgres://app@db/app?sslmode=disable&password=pw')).toBe(true);
    expect(hasPassword('host=db user=app password=pw')).toBe(true);
    expect(hasPassword('host=db user=app')).toBe(false);
  });
});
