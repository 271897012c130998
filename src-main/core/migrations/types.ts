import type { MigrationEvent } from '../../contract';
import type { CatalogReader } from '../schema';

export interface RunOptions {
  /** Receives per-migration events and log lines while the run is in progress. */
  onEvent?: (event: MigrationEvent) => void;
  runId?: string;
  /** Refuse to run unless the first step's plan, worked out under the lock, is exactly this list (what the operator confirmed). */
  expectedPlan?: readonly string[];
  /** Abort to interrupt the run: the running statement is cancelled and the command rolled back (see runInterrupt.ts). */
  signal?: AbortSignal;
  /** lock_timeout / statement_timeout for this run: SET LOCAL inside its transaction (SET for a pgm.noTransaction() migration). */
  timeouts?: { lockTimeout?: string; statementTimeout?: string };
  /** Called after the last migration ran, inside the command's transaction, before it commits or rolls back (a rehearsal's end state, e.g. its schema snapshot). */
  atEnd?: (reader: CatalogReader) => Promise<void>;
}
