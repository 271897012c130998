import type pg from 'pg';
import type { MigrationEvent } from '../../contract';

/** Where to connect: a full pg client config, password included (resolved from the keychain by the caller). */
export type DatabaseTarget = pg.ClientConfig;

export interface RunOptions {
  /** Receives per-migration events and log lines while the run is in progress. */
  onEvent?: (event: MigrationEvent) => void;
  runId?: string;
  /** Refuse to run unless the first step's plan, worked out under the lock, is exactly this list (what the operator confirmed). */
  expectedPlan?: readonly string[];
}
