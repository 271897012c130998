import type { MigrationStatus } from '../../../src-main/contract';
import { studio } from '../../lib/studio';

/** How long one database may take to answer before its card says so; the others do not wait for it. */
export const environmentTimeoutMs = 20_000;

export class NoAnswerError extends Error {
  readonly hint = 'The server may be down, unreachable from here, or busy. The other environments are not affected.';
  constructor(seconds: number) {
    super(`No answer within ${seconds} s.`);
  }
}

/** One connection's status, with its own deadline. */
export function environmentStatus(connectionId: string): Promise<MigrationStatus> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswerError(environmentTimeoutMs / 1000)), environmentTimeoutMs);
  });
  return Promise.race([studio.migrations.status({ connectionId }), deadline]).finally(() => clearTimeout(timer));
}

export interface EnvironmentSummary {
  applied: number;
  lastMigration: string | null;
  /** Everything `up` would apply, out-of-order ones included. */
  pending: string[];
  /** Pending and newer than the last applied: `up` runs them as they are. */
  pendingInOrder: string[];
  missingFiles: string[];
  outOfOrder: string[];
}

export function summarize(status: MigrationStatus): EnvironmentSummary {
  const named = (state: string) => status.migrations.filter((m) => m.state === state).map((m) => m.name);
  return {
    applied: status.appliedMigrations.length,
    lastMigration: status.lastMigration,
    pending: status.pendingMigrations,
    pendingInOrder: named('pending'),
    missingFiles: named('missing-file'),
    outOfOrder: named('out-of-order'),
  };
}
