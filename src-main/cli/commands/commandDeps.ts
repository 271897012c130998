import { InvalidArgumentError } from 'commander';
import { maxRunCount } from '../../contract';
import type { SharedOptionsResolver } from '../sharedOptions';
import type { Terminal } from '../terminal';

/** What every command registration gets from the program. */
export interface CommandDeps {
  shared: SharedOptionsResolver;
  terminal: Terminal;
  /** The process exits with the last code set here (default 0). */
  setExitCode(code: number): void;
}

/** commander parser for --count: a whole number the contract accepts, or a usage error (exit 2). */
export function parseCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || count > maxRunCount) throw new InvalidArgumentError(`Give a whole number of migrations, from 1 to ${maxRunCount}.`);
  return count;
}
