import type pg from 'pg';
import type { ProjectSettings } from '../../contract';

export interface AppliedMigration {
  name: string;
  /** ISO time; run_on is `timestamp` without zone, read in the session's time zone as node-pg-migrate wrote it. */
  runOn: string;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function migrationsTableName(project: ProjectSettings): string {
  return `${quoteIdent(project.migrationsSchema)}.${quoteIdent(project.migrationsTable)}`;
}

/** Whether the migrations table exists: before anything has run it does not. */
export async function migrationsTableExists(client: pg.ClientBase, project: ProjectSettings): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [migrationsTableName(project)]);
  return rows[0]?.found === true;
}

/** pgmigrations rows in node-pg-migrate's run order (run_on, id), from a table that exists. */
export async function readAppliedRows(client: pg.ClientBase, project: ProjectSettings): Promise<AppliedMigration[]> {
  const { rows } = await client.query<{ name: string; epoch_ms: string }>(
    `SELECT name, floor(extract(epoch FROM run_on::timestamptz) * 1000)::bigint::text AS epoch_ms FROM ${migrationsTableName(project)} ORDER BY run_on, id`,
  );
  return rows.map((r) => ({ name: r.name, runOn: new Date(Number(r.epoch_ms)).toISOString() }));
}

/**
 * pgmigrations rows in node-pg-migrate's run order (run_on, id). An absent table means nothing has
 * run yet, not an error.
 */
export async function readAppliedMigrations(client: pg.ClientBase, project: ProjectSettings): Promise<AppliedMigration[]> {
  return (await migrationsTableExists(client, project)) ? readAppliedRows(client, project) : [];
}
