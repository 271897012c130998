// The outcome of up / down / redo / rehearse: the seed's JSON shapes as-is, or a short human summary.
import type { MigrationFailure, MigrationRunResponse, RehearsalResult } from '../../contract';
import { exitCodes } from '../cliErrors';
import type { Terminal } from '../terminal';

/** Prints the result and returns the exit code: 1 when a migration failed. */
export function reportRun(terminal: Terminal, response: MigrationRunResponse, json: boolean): number {
  if (json) terminal.json(response);
  else {
    const style = terminal.outStyle;
    const done = response.results.filter((r) => r.success);
    const summary = done.length ? ` (${done.length} ${done.length === 1 ? 'migration' : 'migrations'} ${done[0]!.direction})` : '';
    // A failure is told once, by the error line on stderr below.
    if (response.success) terminal.out(style.ok(response.message) + style.dim(summary));
  }
  if (response.success) return exitCodes.success;
  reportFailedRun(terminal, response.failure, response.message);
  return exitCodes.migrationFailed;
}

export function reportRehearsal(terminal: Terminal, result: RehearsalResult, json: boolean): number {
  if (json) terminal.json(result);
  else {
    const style = terminal.outStyle;
    terminal.out(style.bold(`Rehearsal of ${result.plan.length} migration${result.plan.length === 1 ? '' : 's'} ${result.direction}`) + style.dim(' (rolled back: nothing was changed)'));
    for (const name of result.plan) terminal.out(`  ${name}`);
    terminal.out('');
    terminal.out(style.bold(`SQL executed (${result.statements.length} statement${result.statements.length === 1 ? '' : 's'}):`));
    for (const statement of result.statements) terminal.out(`${statement.trim()}${statement.trim().endsWith(';') ? '' : ';'}`);
    if (result.success) terminal.out(`\n${style.ok(result.message)}`);
  }
  if (result.success) return exitCodes.success;
  reportFailedRun(terminal, result.failure, result.message);
  return exitCodes.migrationFailed;
}

function reportFailedRun(terminal: Terminal, failure: MigrationFailure | undefined, message: string): void {
  const migration = failure?.migration;
  // The engine's message usually names the migration already; say it once.
  const named = migration && !message.includes(migration) ? `migration ${migration} failed: ` : '';
  const hint = failure?.hint ?? 'Fix the migration file, then run the command again; `pgm-studio rehearse` tries it without changing anything.';
  terminal.errorWithHint(`${named}${message}`, hint);
}
