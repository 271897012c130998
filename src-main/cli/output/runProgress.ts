// Live progress of a run on stderr, from the engine's events: started -> finished in N ms, or failed.
import type { MigrationEvent } from '../../contract';
import { describeSession } from '../../core/database';
import type { Terminal } from '../terminal';
import { formatFailure } from './failureReport';

export interface ProgressOptions {
  /** Show the engine's info/debug/error log lines (node-pg-migrate's SQL echo) too. */
  verbose: boolean;
}

export function createRunProgress(terminal: Terminal, options: ProgressOptions): (event: MigrationEvent) => void {
  const style = terminal.errStyle;
  // On a TTY the "started" line is redrawn in place when the migration ends.
  let openLine = false;
  const closeLine = () => {
    if (openLine) terminal.errRaw('\r\u001b[K');
    openLine = false;
  };

  // What the run waits on, printed when it changes (the samples come every ~1.5 s).
  let lastWait = '';

  return (event) => {
    switch (event.type) {
      case 'run-activity': {
        const wait = event.waitingFor
          ? `waiting for ${event.waitingFor.mode} on ${event.waitingFor.relation ?? event.waitingFor.lockType}${event.blockers.length ? `, blocked by ${event.blockers.map(describeSession).join('; ')}` : ''}`
          : '';
        if (wait !== lastWait && wait) {
          closeLine();
          terminal.err(style.warn(`  ${wait} (Ctrl-C cancels the run)`));
        }
        lastWait = wait;
        break;
      }
      case 'run-started': {
        const what = event.rehearsal ? 'Rehearsing' : 'Running';
        const count = event.plan.length;
        terminal.err(style.bold(`${what} ${count} migration${count === 1 ? '' : 's'} ${event.direction}`) + (event.rehearsal ? style.dim(' (inside a transaction that is rolled back)') : ''));
        break;
      }
      case 'migration-started':
        if (terminal.errIsTTY) {
          terminal.errRaw(`  ${style.accent('…')} ${event.name} ${style.dim(event.direction)}`);
          openLine = true;
        } else {
          terminal.err(`  started  ${event.name} (${event.direction})`);
        }
        break;
      case 'migration-finished':
        closeLine();
        terminal.err(`  ${style.ok('✓')} ${event.name} ${style.dim(`${event.direction}, finished in ${event.durationMs} ms`)}`);
        break;
      case 'migration-failed':
        closeLine();
        terminal.err(`  ${style.fail('✗')} ${event.name} ${style.fail(`${event.direction} ${event.failure.interrupted ? 'interrupted' : 'failed'}`)}`);
        if (!event.failure.interrupted) for (const line of formatFailure(event.failure, style)) terminal.err(line);
        break;
      case 'log':
        // Errors reach the operator as migration-failed events (formatted below) or as the
        // command's error; node-pg-migrate's own error echo would only repeat them.
        if (event.level === 'warn' || options.verbose) {
          closeLine();
          const paint = event.level === 'error' ? style.fail : event.level === 'warn' ? style.warn : style.dim;
          terminal.err(paint(`  ${event.level}: ${event.message}`));
        }
        break;
      case 'run-finished':
        closeLine();
        // The ✓ lines above are history: say which of them did not stay (the UI's "Ran, then rolled back").
        if (event.rolledBack?.length) {
          terminal.err(style.warn(`Rolled back: ${event.rolledBack.length === 1 ? 'this migration ran but did' : 'these migrations ran but did'} not stay applied`));
          for (const { name, direction } of event.rolledBack) terminal.err(`  ${style.warn('↺')} ${name} ${style.dim(`${direction}, rolled back`)}`);
        }
        break;
    }
  };
}
