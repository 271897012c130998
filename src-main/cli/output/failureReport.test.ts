import { describe, expect, it } from 'vitest';
import { createStyle } from '../terminal';
import { formatFailure, pointAtPosition } from './failureReport';

describe('pointAtPosition', () => {
  it('puts the caret under the character PostgreSQL named, on the right line', () => {
    const statement = 'CREATE TABLE a (id int);\nCREATE TABLE b (id nonsense);';
    const position = statement.indexOf('nonsense') + 1;
    expect(pointAtPosition(statement, position)).toEqual(['CREATE TABLE b (id nonsense);', '                   ^']);
  });
});

describe('formatFailure', () => {
  it('shows the SQLSTATE, the message and the position (the hint is the command\'s closing line)', () => {
    const lines = formatFailure(
      { migration: '1_x', pgCode: '42704', message: 'type "nonsense" does not exist', statement: 'select 1::nonsense', position: 11, hint: 'check the type' },
      createStyle(false),
      '',
    );
    expect(lines).toEqual(['ERROR 42704: type "nonsense" does not exist', 'at position 11:', '  select 1::nonsense', '            ^']);
  });
});
