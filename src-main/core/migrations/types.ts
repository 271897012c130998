import type pg from 'pg';
import type { MigrationEvent } from '../../contract';

/** Where to connect: a full pg client config, password included (resolved from the keychain by the caller). */
export type DatabaseTarget = pg.ClientConfig;

export interface RunOptions {
  /** Receives per-migration events and log lines while the run is in progress. */
  onEvent?: (event: MigrationEvent) => void;
  runId?: string;
}
