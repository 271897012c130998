import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { StudioError } from '../contract';
import { errorShape, exitCodeFor, toStudioError } from './cliErrors';

describe('exitCodeFor', () => {
  it('is 1 only for a migration that failed or cannot be reverted', () => {
    expect(exitCodeFor('migration-failed')).toBe(1);
    expect(exitCodeFor('irreversible-migration')).toBe(1);
    for (const code of ['lock-held', 'connection-failed', 'invalid-input', 'invalid-project', 'internal'] as const) {
      expect(exitCodeFor(code)).toBe(2);
    }
  });
});

describe('toStudioError', () => {
  it('keeps a StudioError and its hint', () => {
    const original = new StudioError('lock-held', 'held by pid 42', { hint: 'wait' });
    expect(errorShape(toStudioError(original))).toEqual({ code: 'lock-held', message: 'held by pid 42', hint: 'wait' });
  });

  it('turns a refused socket (an AggregateError with an empty message) into a connection error with a hint', () => {
    const refused = Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' });
    const shape = errorShape(toStudioError(refused));
    expect(shape.code).toBe('connection-failed');
    expect(shape.message).toContain('ECONNREFUSED');
    expect(shape.hint).toMatch(/--database-url/);
  });

  it('maps PostgreSQL auth and missing-database codes', () => {
    expect(toStudioError(Object.assign(new Error('password authentication failed for user "x"'), { code: '28P01' })).code).toBe('auth-failed');
    expect(toStudioError(Object.assign(new Error('database "nope" does not exist'), { code: '3D000' })).code).toBe('connection-failed');
  });

  it('strips commander\'s "error:" prefix from usage errors', () => {
    const error = toStudioError(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--bogus'"));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe("unknown option '--bogus'");
  });

  it('gives an unexpected error the internal code and a hint', () => {
    const shape = errorShape(toStudioError(new Error('boom')));
    expect(shape).toMatchObject({ code: 'internal', message: 'boom' });
    expect(shape.hint).toBeTruthy();
  });
});
