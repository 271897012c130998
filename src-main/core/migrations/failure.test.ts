import { describe, expect, it } from 'vitest';
import { describeCommitFailure, describeFailure, isServerError } from './failure';

const pgError = (message: string, fields: Record<string, string>) => Object.assign(new Error(message), fields);

describe('describeFailure', () => {
  it('takes SQLSTATE, position and statement from the pg error and adds the operator hint', () => {
    const error = pgError('relation "users" already exists', { code: '42P07', position: '14' });
    const failure = describeFailure(error, '1_create_users', { statement: 'CREATE TABLE "users" (id int);', error });
    expect(failure).toEqual({
      migration: '1_create_users',
      message: 'relation "users" already exists',
      pgCode: '42P07',
      position: 14,
      statement: 'CREATE TABLE "users" (id int);',
      hint: expect.stringMatching(/ifNotExists/),
    });
  });

  it.each([
    ['42501', /GRANT/],
    ['23503', /Clean up the invalid data first/],
    ['23505', /De-duplicate/],
    ['25001', /noTransaction/],
  ])('hints for SQLSTATE %s', (code, hint) => {
    const error = pgError('boom', { code });
    expect(describeFailure(error, 'm', { statement: 'x', error }).hint).toMatch(hint);
  });

  it("links node-pg-migrate's wrapped pgmigrations error to the failing statement", () => {
    const cause = pgError('schema "ops" does not exist', { code: '3F000' });
    const wrapped = new Error(`Unable to ensure migrations table: error: ${cause.message}\n    at ...`);
    expect(describeFailure(wrapped, null, { statement: 'CREATE TABLE "ops"."pgmigrations" (...)', error: cause })).toMatchObject({ pgCode: '3F000', migration: null });
  });

  it('marks an irreversible down and drops the empty operation name', () => {
    const failure = describeFailure(new Error('Impossible to automatically infer down migration for "pgm.()"'), '2_raw_sql', null);
    expect(failure).toMatchObject({ migration: '2_raw_sql', message: 'Impossible to automatically infer down migration', irreversible: true, hint: expect.stringMatching(/explicit down/) });
    expect(describeFailure(new Error('User has disabled down migration on file: 3_x'), '3_x', null)).toMatchObject({ irreversible: true, hint: expect.stringMatching(/Down Migration/) });
  });
});

describe('describeCommitFailure', () => {
  it('makes a deferred constraint failing at COMMIT a migration failure naming the constraint, not a database error', () => {
    const error = pgError('insert or update on table "books" violates foreign key constraint "books_author_fk"', { code: '23503', constraint: 'books_author_fk', table: 'books' });
    const failure = describeCommitFailure(error);
    expect(failure).toMatchObject({ migration: null, atCommit: true, pgCode: '23503', statement: 'COMMIT', message: expect.stringMatching(/^the command's COMMIT failed: .*books_author_fk/) });
    expect(failure.hint).toMatch(/rolled the whole command back.*books_author_fk on books is deferred.*Clean up the invalid data first/);
    expect(isServerError(error)).toBe(true);
    expect(isServerError(new Error('Connection terminated unexpectedly'))).toBe(false);
  });
});
