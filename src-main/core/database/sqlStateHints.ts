/** What an operator should do next, by PostgreSQL SQLSTATE (the seed's Troubleshooting, and the usual suspects). */
const hintsBySqlState: Record<string, string> = {
  '42P07': 'The relation already exists. Check the status: was this change applied by hand or by another migration? Create it with { ifNotExists: true } only if that is really intended.',
  '42701': 'The column already exists. Check whether it was added by hand or by another migration; use { ifNotExists: true } on addColumns if intended.',
  '42710': 'The object (constraint, index, type, role...) already exists. Check the status and whether another migration created it.',
  '42P06': 'The schema already exists. Use { ifNotExists: true } on createSchema if intended.',
  '42P01': 'A table the migration uses does not exist. Check migration order, the schema (search_path) and whether an earlier migration was reverted.',
  '42703': 'A column the migration uses does not exist. Check the spelling and that the migration that adds it has run.',
  '42883': 'A function or operator does not exist. Check argument types, or create the extension that provides it (e.g. pgm.createExtension("pgcrypto")).',
  '3F000': 'The schema does not exist. Create it in an earlier migration or fix the schema setting.',
  '42501': 'Permission denied. GRANT the migration user the needed privileges (e.g. GRANT CREATE ON SCHEMA public TO migration_user; GRANT ALL ON ALL TABLES IN SCHEMA public TO migration_user) or run as the owner.',
  '23503': 'Foreign key violation: existing rows reference missing parents. Clean up the invalid data first (DELETE/UPDATE the orphans in this migration), then add the constraint.',
  '23505': 'Unique violation: existing rows have duplicates. De-duplicate the data before adding the unique constraint or index.',
  '23502': 'A NOT NULL column has NULL values. Backfill the column (UPDATE ... SET col = ...) before setting NOT NULL, or give it a default.',
  '23514': 'Existing rows violate the check constraint. Fix the data first, or add the constraint NOT VALID and validate later.',
  '22P02': 'A value cannot be converted to the column type. Check the data being cast or inserted.',
  '42601': 'SQL syntax error: look at the statement near the reported position.',
  '42804': 'Data type mismatch: add an explicit cast (using: "col::type") when changing a column type.',
  '25001': 'This statement cannot run inside a transaction (e.g. CREATE INDEX CONCURRENTLY). Call pgm.noTransaction() in that migration and keep it alone in its migration.',
  '57014': 'The statement was cancelled (statement_timeout). Break the migration into smaller batches or run it in a maintenance window.',
  '55P03': 'A lock could not be obtained (lock_timeout): another session is using the table. Retry when traffic is low or find the blocking session in pg_stat_activity.',
  '40P01': 'Deadlock with another session. Retry, and avoid running migrations while the application holds long transactions.',
  '0A000': 'PostgreSQL does not support this operation here (feature not supported). Check the PostgreSQL version and the statement.',
  // "out of shared memory": the lock table is full, typically one command applying thousands of migrations in one transaction.
  '53200': 'PostgreSQL ran out of lock slots (max_locks_per_transaction): one command holds every lock its migrations took until it commits. Run fewer migrations per command (--count N, or "Run up to here"), or raise max_locks_per_transaction.',
  '2BP01': 'Other objects depend on this one. Drop or alter the dependent objects first, or use { cascade: true } deliberately.',
};

/** Our next step for a SQLSTATE, after PostgreSQL's own hint (it names the exact fix, e.g. the cast to add). */
export function sqlStateHint(pgCode: string | undefined, serverHint?: string): string | undefined {
  const ours = pgCode ? hintsBySqlState[pgCode] : undefined;
  if (serverHint && ours) return `PostgreSQL: ${serverHint} ${ours}`;
  return ours ?? serverHint;
}

/** Which timeout a PostgreSQL error is: 55P03 after lock_timeout, 57014 with "statement timeout" (57014 is also a plain cancel). */
export function timeoutSettingOf(pgCode: string | undefined, message: string): 'lock_timeout' | 'statement_timeout' | null {
  if (pgCode === '55P03' && /lock timeout/i.test(message)) return 'lock_timeout';
  if (pgCode === '57014' && /statement timeout/i.test(message)) return 'statement_timeout';
  return null;
}

interface TimeoutLock {
  relation: string | null;
  mode: string;
  lockType: string;
}
interface TimeoutBlocker {
  pid: number;
  applicationName: string | null;
  user: string | null;
  clientAddress: string | null;
  transactionSeconds: number | null;
  query: string | null;
}

/** "pid 4242 (application "reporting-job", user app, from 10.0.0.5, transaction open 95 s): SELECT …" */
export function describeSession(session: TimeoutBlocker): string {
  const about = [
    session.applicationName ? `application "${session.applicationName}"` : null,
    session.user ? `user ${session.user}` : null,
    session.clientAddress ? `from ${session.clientAddress}` : null,
    session.transactionSeconds !== null ? `transaction open ${Math.round(session.transactionSeconds)} s` : null,
  ].filter(Boolean);
  const query = session.query ? `: ${session.query.replace(/\s+/g, ' ').slice(0, 120)}` : '';
  return `pid ${session.pid}${about.length ? ` (${about.join(', ')})` : ''}${query}`;
}

const lockModeName = (mode: string) => mode.replace(/Lock$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();

/**
 * A run stopped by its lock_timeout or statement_timeout, in words: which timeout and its value, the
 * lock it waited for and who held it (sampled while it waited), and what to do next.
 */
export function explainTimeout(
  setting: 'lock_timeout' | 'statement_timeout',
  value: string | null,
  waitedFor: TimeoutLock | null,
  blockers: readonly TimeoutBlocker[],
): { message: string; hint: string } {
  const lock = waitedFor ? `${lockModeName(waitedFor.mode)} lock on ${waitedFor.relation ?? `a ${waitedFor.lockType}`}` : null;
  const held = blockers.length ? `; held by ${blockers.map(describeSession).join('; ')}` : '';
  const limit = value ? ` (${value})` : '';
  if (setting === 'lock_timeout') {
    const message = `lock_timeout${limit} reached: the migration waited too long for ${lock ?? 'a lock'}${held}`;
    const hint = `Nothing was changed by this statement. Retry in a quieter moment${blockers.length ? ', or end the blocking session first (its transaction has to finish)' : ''}; raise the lock timeout for this run only if the application can queue behind the migration that long; for an index use CREATE INDEX CONCURRENTLY (pgm.noTransaction()), which does not block writes.`;
    return { message, hint };
  }
  const message = `statement_timeout${limit} reached: a statement of the migration ran too long${lock ? ` (it was waiting for ${lock}${held})` : ''}`;
  const hint = 'Raise the statement timeout for this run (or for this connection in Environments), run it in a maintenance window, or split the work: batch large UPDATEs, add constraints NOT VALID and VALIDATE them later, build indexes CONCURRENTLY.';
  return { message, hint };
}
