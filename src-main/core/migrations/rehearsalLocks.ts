import type { ProjectSettings, StatementLock } from '../../contract';
import { withClient, type DatabaseTarget } from '../database';
import { classifyStatementLocks, lockBlocks } from './statementLocks';

const quoted = (name: string) => name.split('.').map((p) => `"${p.replace(/"/g, '""')}"`).join('.');

interface TableFacts {
  name: string;
  rows: string | null;
  bytes: string | null;
  sessions: number;
}

/**
 * The locks a rehearsal's statements take on tables that exist now, with each table's size and how
 * many other sessions hold a lock on it: read after the rehearsal's rollback, one catalog query.
 * Tables the migrations create are left out (nobody uses them yet); so is the migrations table.
 */
export async function rehearsalLocks(db: DatabaseTarget, project: ProjectSettings, statements: readonly string[]): Promise<StatementLock[]> {
  const classified = statements.flatMap((sql, statement) => classifyStatementLocks(sql).map((lock) => ({ ...lock, statement })));
  if (classified.length === 0) return [];
  const names = [...new Set(classified.map((l) => l.table))];
  const facts = await withClient(db, async (client) => {
    const { rows } = await client.query<TableFacts & { asked: string }>(
      `SELECT t.asked, c.oid::regclass::text AS name,
              CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END AS rows,
              pg_total_relation_size(c.oid) AS bytes,
              (SELECT count(DISTINCT l.pid)::int FROM pg_locks l WHERE l.relation = c.oid AND l.pid <> pg_backend_pid()) AS sessions
         FROM unnest($1::text[], $2::text[]) AS t(asked, quoted)
         JOIN pg_class c ON c.oid = to_regclass(t.quoted)
        WHERE c.relkind IN ('r', 'p', 'm')`,
      [names, names.map(quoted)],
    );
    return new Map(rows.map((r) => [r.asked, r]));
  });
  const migrationsTable = new Set([project.migrationsTable, `${project.migrationsSchema}.${project.migrationsTable}`]);
  return classified.flatMap((lock) => {
    const table = facts.get(lock.table);
    if (!table || migrationsTable.has(lock.table)) return [];
    return [{
      statement: lock.statement,
      table: table.name,
      mode: lock.mode,
      kind: lock.kind,
      blocks: lockBlocks(lock.mode),
      estimatedRows: table.rows === null ? null : Number(table.rows),
      totalBytes: table.bytes === null ? null : Number(table.bytes),
      activeSessions: table.sessions,
    }];
  });
}
