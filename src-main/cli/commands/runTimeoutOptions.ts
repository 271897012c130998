// --lock-timeout / --statement-timeout: this run's timeouts over the connection's, in PostgreSQL's time syntax.
import { InvalidArgumentError, Option } from 'commander';
import { postgresIntervalSchema, type RunTimeouts } from '../../contract';

/** commander parser: the contract's own check, so the CLI accepts exactly what the engine does (usage error, exit 2). */
export function parsePostgresTime(value: string): string {
  const parsed = postgresIntervalSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`"${value}" is not a PostgreSQL time: give a number and a unit, e.g. 5s, 500ms, 2min or 1h (0 turns the timeout off).`);
  return parsed.data;
}

export const lockTimeoutOption = () =>
  new Option('--lock-timeout <time>', 'fail a statement that waits longer than this for a lock (PostgreSQL lock_timeout, e.g. 5s; default: the connection\'s)').argParser(parsePostgresTime);
export const statementTimeoutOption = () =>
  new Option('--statement-timeout <time>', 'fail a statement that runs longer than this (PostgreSQL statement_timeout, e.g. 15min; default: the connection\'s)').argParser(parsePostgresTime);

/** The `timeouts` field of a run request, only when an option was given. */
export function runTimeoutsFrom(options: { lockTimeout?: string; statementTimeout?: string }): { timeouts?: RunTimeouts } {
  const timeouts: RunTimeouts = {
    ...(options.lockTimeout !== undefined ? { lockTimeout: options.lockTimeout } : {}),
    ...(options.statementTimeout !== undefined ? { statementTimeout: options.statementTimeout } : {}),
  };
  return Object.keys(timeouts).length ? { timeouts } : {};
}
