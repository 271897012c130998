// The outcome of up / down / redo / rehearse: the seed's JSON shapes as-is, or a short human summary.
import type { MigrationFailure, MigrationRunResult, MigrationRunResponse, RehearsalResult } from '../../contract';
import { exitCodes } from '../cliErrors';
import type { Terminal } from '../terminal';
import { formatAftermath } from './failureReport';

const migrations = (n: number) => `${n} ${n === 1 ? 'migration' : 'migrations'}`;

/** `(1 migration up)`, or for a redo `(1 migration down, 1 up)`: one count per direction, in run order. */
export function countByDirection(results: readonly MigrationRunResult[]): string {
  const done = results.filter((r) => r.success);
  const directions = [...new Set(done.map((r) => r.direction))];
  const parts = directions.map((direction, i) => {
    const n = done.filter((r) => r.direction === direction).length;
    return i === 0 ? `${migrations(n)} ${direction}` : `${n} ${direction}`;
  });
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Prints the result and returns the exit code: 1 when a migration failed. */
export function reportRun(terminal: Terminal, response: MigrationRunResponse, json: boolean): number {
  if (json) terminal.json(response);
  else {
    const style = terminal.outStyle;
    // A failure is told once, by the error line on stderr below.
    if (response.success) terminal.out(style.ok(response.message) + style.dim(countByDirection(response.results)));
  }
  if (response.success) return exitCodes.success;
  return reportFailedRun(terminal, response.failure, response.message);
}

export function reportRehearsal(terminal: Terminal, result: RehearsalResult, json: boolean): number {
  if (json) terminal.json(result);
  else {
    const style = terminal.outStyle;
    // Whether anything changed is the engine's checked verdict, in the closing message.
    terminal.out(style.bold(`Rehearsal of ${result.plan.length} migration${result.plan.length === 1 ? '' : 's'} ${result.direction}`) + style.dim(' (inside a transaction that is rolled back)'));
    for (const name of result.plan) terminal.out(`  ${name}`);
    terminal.out('');
    terminal.out(style.bold(`SQL executed (${result.statements.length} statement${result.statements.length === 1 ? '' : 's'}):`));
    for (const statement of result.statements) terminal.out(`${statement.trim()}${statement.trim().endsWith(';') ? '' : ';'}`);
    if (result.success) terminal.out(`\n${style.ok(result.message)}`);
  }
  if (result.success) return exitCodes.success;
  return reportFailedRun(terminal, result.failure, result.message);
}

function reportFailedRun(terminal: Terminal, failure: MigrationFailure | undefined, message: string): number {
  if (failure?.interrupted) {
    // Ctrl-C / SIGTERM: the engine's message says what was rolled back (and what a noTransaction break left).
    for (const line of formatAftermath(failure, terminal.errStyle)) terminal.err(line);
    terminal.err(terminal.errStyle.warn(message));
    if (failure.hint) terminal.err(`${terminal.errStyle.bold('hint:')} ${failure.hint}`);
    return exitCodes.interrupted;
  }
  const migration = failure?.migration;
  // The engine's message usually names the migration already; say it once.
  const named = migration && !message.includes(migration) ? `migration ${migration} failed: ` : '';
  const hint = failure?.hint ?? 'Fix the migration file, then run the command again; `pgm-studio rehearse` tries it without changing anything.';
  // What stayed behind (committed migrations, leftover objects, the SQL to undo them) before the verdict.
  if (failure) for (const line of formatAftermath(failure, terminal.errStyle)) terminal.err(line);
  terminal.errorWithHint(`${named}${message}`, hint);
  return exitCodes.migrationFailed;
}
