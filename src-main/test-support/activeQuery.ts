import { setTimeout as sleep } from 'node:timers/promises';
import type { TestDatabase } from './testDatabase';

/**
 * Waits until another session of `db` is running a statement containing `fragment` (polls
 * pg_stat_activity, never a fixed sleep) and returns its backend pid. Generous deadline: CI is slow.
 */
export async function waitForActiveQuery(db: TestDatabase, fragment: string, timeoutMs = 90_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND strpos(query, $1) > 0`,
      [fragment],
    );
    if (rows[0]) return rows[0].pid;
    if (Date.now() > deadline) throw new Error(`no session of ${db.name} ran "${fragment}" within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Whether any other session of `db` still runs a statement containing `fragment`. */
export async function isQueryActive(db: TestDatabase, fragment: string): Promise<boolean> {
  const { rows } = await db.query(
    "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND strpos(query, $1) > 0",
    [fragment],
  );
  return rows.length > 0;
}
