import { describe, expect, it } from 'vitest';
import { hintFor } from './failureHints';

describe('hintFor', () => {
  it("keeps PostgreSQL's own hint, first, beside the engine's advice for the SQLSTATE", () => {
    const hint = hintFor({ pgCode: '42883', message: 'function lower(integer) does not exist' }, 'No function matches the given name and argument types. You might need to add explicit type casts.');
    expect(hint).toMatch(/^PostgreSQL: No function matches .* explicit type casts\. /);
    expect(hint).toContain('Check argument types');
  });

  it('uses whichever hint exists when only one does', () => {
    expect(hintFor({ pgCode: '42P07', message: 'relation "users" already exists' })).toContain('ifNotExists');
    expect(hintFor({ pgCode: 'XX999', message: 'odd' }, 'Server advice.')).toBe('Server advice.');
    expect(hintFor({ pgCode: 'XX999', message: 'odd' })).toBeUndefined();
  });

  it('explains an irreversible down without a SQLSTATE', () => {
    expect(hintFor({ message: 'Impossible to automatically infer down migration for "sql"' })).toContain('Write an explicit down');
  });
});
