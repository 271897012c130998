import { describe, expect, it } from 'vitest';
import { resolveApiTokens } from './bearerTokens';
import { allowedHostsFor } from './requestGuards';
import { secretsMatch } from './secretComparison';

describe('resolveApiTokens', () => {
  it('prefers the options, then the environment, else generates distinct random tokens', () => {
    const env = { PGM_STUDIO_READ_TOKEN: 'env-read-token-123456', PGM_STUDIO_ADMIN_TOKEN: 'env-admin-token-123456' };
    expect(resolveApiTokens({ readToken: 'option-read-token-1234' }, env)).toEqual({
      read: 'option-read-token-1234',
      admin: 'env-admin-token-123456',
      generated: { read: false, admin: false },
    });
    const generated = resolveApiTokens({}, {});
    expect(generated.generated).toEqual({ read: true, admin: true });
    expect(generated.read).not.toBe(generated.admin);
    expect(generated.read).toMatch(/^[\w-]{43}$/);
  });

  it('refuses a short token or the same token for both roles, with a hint', () => {
    expect(() => resolveApiTokens({ readToken: 'short' }, {})).toThrowError(expect.objectContaining({ code: 'invalid-input', hint: expect.stringContaining('--read-token') }));
    expect(() => resolveApiTokens({ readToken: 'same-token-for-both-roles', adminToken: 'same-token-for-both-roles' }, {})).toThrowError(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });
});

describe('secretsMatch', () => {
  it('matches only the exact secret, whatever the lengths', () => {
    expect(secretsMatch('a-secret-value', 'a-secret-value')).toBe(true);
    for (const given of [undefined, '', 'a-secret-valu', 'a-secret-value ', 'A-secret-value']) expect(secretsMatch(given, 'a-secret-value')).toBe(false);
  });
});

describe('allowedHostsFor', () => {
  it('allows loopback names and the bound host on our port only', () => {
    expect([...allowedHostsFor('127.0.0.1', 4000)].sort()).toEqual(['127.0.0.1:4000', 'localhost:4000']);
    expect(allowedHostsFor('192.168.1.20', 4000).has('192.168.1.20:4000')).toBe(true);
    expect(allowedHostsFor('::1', 4000).has('[::1]:4000')).toBe(true);
    expect(allowedHostsFor('127.0.0.1', 4000).has('127.0.0.1:4001')).toBe(false);
    expect(allowedHostsFor('0.0.0.0', 4000).has('0.0.0.0:4000')).toBe(false);
    expect(allowedHostsFor('0.0.0.0', 4000).has('evil.example:4000')).toBe(false);
  });
});
