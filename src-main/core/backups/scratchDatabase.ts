import { randomBytes } from 'node:crypto';
import { StudioError } from '../../contract';
import { connect, explainDatabaseError, targetForDatabase, type DatabaseTarget } from '../database';
import type { CatalogReader } from '../schema';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs one statement on the server's maintenance database (CREATE / DROP DATABASE cannot run in the target's own). */
async function onMaintenance(target: DatabaseTarget, sql: string): Promise<void> {
  const client = await connect(targetForDatabase(target, 'postgres')).catch(() => connect(targetForDatabase(target, 'template1')));
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createDatabase(target: DatabaseTarget, name: string): Promise<void> {
  try {
    await onMaintenance(target, `CREATE DATABASE ${quoteIdent(name)}`);
  } catch (error) {
    const explained = explainDatabaseError(error) as Error;
    const code = (error as { code?: string }).code;
    if (code === '42P04') throw new StudioError('file-exists', `The database ${name} already exists.`, { hint: 'Give a name no database on this server has.' });
    if (code === '42501') throw new StudioError('forbidden', `This role may not create databases (${explained.message}).`, { hint: 'Grant it CREATEDB (ALTER ROLE ... CREATEDB), or restore as a role that has it.' });
    throw explained;
  }
}

export async function dropDatabase(target: DatabaseTarget, name: string): Promise<void> {
  await onMaintenance(target, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/** A client of database `name` on the target's server, for `work`, then closed. */
export async function onDatabase<T>(target: DatabaseTarget, name: string, work: (reader: CatalogReader) => Promise<T>): Promise<T> {
  const client = await connect(targetForDatabase(target, name));
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const scratchDatabaseName = (purpose: string) => `pgm_studio_${purpose}_${randomBytes(4).toString('hex')}`;
