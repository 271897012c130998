import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './contentSecurityPolicy';

describe('contentSecurityPolicy', () => {
  it('is the same policy as the meta tag in src-renderer/index.html', () => {
    const html = readFileSync(new URL('../../src-renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
  });

  it("allows scripts from the app itself only", () => {
    expect(contentSecurityPolicy).toContain("script-src 'self';");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it('runs workers (Monaco\'s) only from our own files, never from blob: URLs', () => {
    expect(contentSecurityPolicy).toContain("worker-src 'self';");
    expect(contentSecurityPolicy).not.toContain('blob:');
  });
});
