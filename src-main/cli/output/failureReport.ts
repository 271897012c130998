// A failed migration, told the way an operator needs it: which one, PostgreSQL's words, and where.
import type { MigrationFailure } from '../../contract';
import type { Style } from '../terminal';

/** Show the failing statement around PostgreSQL's 1-based position, with a caret under it. */
export function pointAtPosition(statement: string, position: number): string[] {
  const offset = Math.min(Math.max(position - 1, 0), statement.length);
  const lineStart = statement.lastIndexOf('\n', offset - 1) + 1;
  const lineEndIndex = statement.indexOf('\n', offset);
  const text = statement.slice(lineStart, lineEndIndex === -1 ? undefined : lineEndIndex);
  const column = offset - lineStart;
  // Long single-line statements: keep a window around the position.
  const from = Math.max(0, column - 60);
  const snippet = text.slice(from, column + 60);
  return [`${from > 0 ? '…' : ''}${snippet}`, `${' '.repeat(column - from + (from > 0 ? 1 : 0))}^`];
}

export function formatFailure(failure: MigrationFailure, style: Style, indent = '    '): string[] {
  const lines = [`${indent}${style.fail(failure.pgCode ? `ERROR ${failure.pgCode}: ${failure.message}` : failure.message)}`];
  if (failure.statement && failure.position) {
    lines.push(`${indent}at position ${failure.position}:`);
    for (const l of pointAtPosition(failure.statement, failure.position)) lines.push(`${indent}  ${style.dim(l)}`);
  }
  // failure.hint is printed once, as the command's closing `hint:` line (runReport.ts).
  return lines;
}

/**
 * After a failure that did not roll everything back: what the database holds now, as lists an
 * operator can act on (the engine's message says the same in one sentence). Empty when unchanged.
 */
export function formatAftermath(failure: MigrationFailure, style: Style): string[] {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push(style.bold(title));
    for (const item of items) lines.push(`  ${item}`);
  };
  const { changes, outsideTransaction } = failure;
  if (changes) {
    section('Recorded as applied now:', changes.recorded);
    section('No longer recorded as applied:', changes.unrecorded);
  }
  if (outsideTransaction) {
    const { leftovers } = outsideTransaction;
    section(`Left by ${failure.migration ?? 'the migration'} (ran outside a transaction, failed at its statement ${outsideTransaction.failedStatement}, not recorded):`, [
      ...leftovers.added.map((o) => `+ ${o}`),
      ...leftovers.removed.map((o) => `- ${o}`),
      ...leftovers.altered.map((o) => `~ ${o}`),
    ]);
    section('To undo it by hand (review first):', outsideTransaction.undo);
    section('Or, once you finished it by hand, record it:', [outsideTransaction.record]);
  } else if (changes) {
    const { schema } = changes;
    section('Schema changes that stayed:', [...schema.added.map((o) => `+ ${o}`), ...schema.removed.map((o) => `- ${o}`), ...schema.altered.map((o) => `~ ${o}`)]);
  }
  return lines;
}
