import { InvalidArgumentError } from 'commander';
import type { SharedOptionsResolver } from '../sharedOptions';
import type { Terminal } from '../terminal';

/** What every command registration gets from the program. */
export interface CommandDeps {
  shared: SharedOptionsResolver;
  terminal: Terminal;
  /** The process exits with the last code set here (default 0). */
  setExitCode(code: number): void;
}

/** commander parser for --count: a positive integer, or a usage error (exit 2). */
export function parseCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count) || count < 1) throw new InvalidArgumentError('Give a whole number of migrations, 1 or more.');
  return count;
}
