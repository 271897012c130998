// The backup's per-table rows, against a real PostgreSQL with the real pg_dump / pg_restore (15 on PATH).
import { execFile } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRecord } from '../../contract';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { tempFolders } from '../../test-support/tempFolders';
import { endDatabasePool, libpqEnvironment } from '../database';
import { createBackup } from './createBackup';
import { countRows, listTables } from './databaseFacts';
import { digestDump } from './dumpFiles';
import { readDumpList, rowsInDump } from './dumpList';
import { discoverPgTools, pgToolsFor } from './pgTools';
import { verifyBackup } from './verifyBackup';

const tempDir = tempFolders();
const slow = 180_000;
const migrationsTable = { schema: 'public', table: 'pgmigrations' };

/** Tables whose COPY text is awkward: escaped newlines, backslashes, a `\.` value, nulls, bytea, odd names, partitions, none at all. */
const awkwardSchema = `
  create table plain_rows (id int, body text);
  insert into plain_rows select g, 'row ' || g from generate_series(1, 2500) g;
  create table awkward (id int, body text, raw bytea);
  insert into awkward values
    (1, E'two\\nlines', E'\\\\x0a0d0a'), (2, E'carriage\\rreturn', null), (3, E'\\\\.', E'\\\\x5c2e0a'),
    (4, E'back\\\\slash\\ttab', ''), (5, '', null), (6, null, null), (7, E'\\n\\n\\n', E'\\\\x0a');
  create table empty_table (id int);
  create schema "odd schema";
  create table "odd schema"."we""ird.name with space" (v text);
  insert into "odd schema"."we""ird.name with space" select E'x\\ny' from generate_series(1, 17);
  create table measurements (at date not null, v int) partition by range (at);
  create table measurements_2025 partition of measurements for values from ('2025-01-01') to ('2026-01-01');
  create table measurements_2026 partition of measurements for values from ('2026-01-01') to ('2027-01-01');
  insert into measurements select date '2025-06-01' + (g % 400), g from generate_series(1, 1000) g;
  create unlogged table scratchpad (v text);
  insert into scratchpad select repeat(E'a\\n', 3) from generate_series(1, 9);
`;

async function exactCounts(db: TestDatabase) {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return await countRows(client, await listTables(client));
  } finally {
    await client.end();
  }
}

describe('a backup\'s row counts come from its dump', () => {
  let db: TestDatabase;
  let dataDir: string;
  let record: BackupRecord;
  const target = () => ({ connectionString: db.url });
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.query(awkwardSchema);
    dataDir = await tempDir('pgm-backup-rows-');
    record = await createBackup(target(), { dataDir, migrationsTable });
    expect(record.status, record.message ?? '').toBe('complete');
  }, slow);
  afterAll(async () => {
    await endDatabasePool(target());
    await db?.drop();
  });

  it('reads each table once, pg_dump\'s COPY: no second scan counting rows beside it on the same cores', async () => {
    // A backend's table statistics reach pg_stat_user_tables when it exits at the latest: close the
    // app's sessions, wait until no other session of the database is left, then read them.
    await endDatabasePool(target());
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const deadline = Date.now() + 60_000;
      while ((await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows[0]!.n > 0) {
        if (Date.now() > deadline) throw new Error('sessions of the backup still open after 60 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      await client.query('select pg_stat_clear_snapshot()');
      const { rows } = await client.query<{ table: string; scans: number }>(
        `select schemaname || '.' || relname as table, (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::int as scans from pg_stat_user_tables order by 1`,
      );
      const backedUp = rows.filter((r) => record.tables.some((t) => `${t.schema}.${t.name}` === r.table));
      expect(backedUp.length).toBe(record.tables.length);
      expect(backedUp).toEqual(backedUp.map((r) => ({ table: r.table, scans: 1 })));
    } finally {
      await client.end();
    }
  }, slow);

  it('lists every table with exactly the rows count(*) sees, newlines, backslashes, partitions and empty tables included', async () => {
    const expected = await exactCounts(db);
    expect(expected.map((t) => `${t.schema}.${t.name}`)).toEqual(expect.arrayContaining(['odd schema.we"ird.name with space', 'public.measurements_2025', 'public.empty_table', 'public.scratchpad']));
    expect(record.tables).toEqual(expected);
    expect(record.tables.find((t) => t.name === 'awkward')?.rows).toBe(7);
    expect(record.tables.find((t) => t.name === 'empty_table')?.rows).toBe(0);
  }, slow);

  it('verifies: pg_restore lists every table, and a test restore into a scratch database has each table\'s rows', async () => {
    const verification = await verifyBackup(target(), record, { testRestore: true });
    expect(verification.ok, verification.problems.join(' ')).toBe(true);
    expect(verification.missingTables).toEqual([]);
    expect(verification.testRestore?.tables.length).toBe(record.tables.length);
    expect(verification.testRestore?.mismatches).toEqual([]);
  }, slow);

  it('counts the rows of a compressed directory dump as well (its .dat.gz files)', async () => {
    const tools = await pgToolsFor(target());
    const folder = join(await tempDir('pgm-backup-gz-'), 'dump');
    await promisify(execFile)(tools.pgDump, ['--format=directory', '--compress=1', `--file=${folder}`], { env: { ...process.env, ...libpqEnvironment(target()) } });
    const { counted, missing } = rowsInDump(record.tables, await readDumpList(tools.pgRestore, folder), await digestDump(folder));
    expect(missing).toEqual([]);
    expect(counted).toEqual(record.tables);
  }, slow);

  it('asks the installed pg_dumps their version once for a backup and its verification, not once per step', async () => {
    const native = (await discoverPgTools()).find((t) => t.binDir.startsWith('/usr/lib/postgresql/') && t.pgRestore) ?? (await pgToolsFor(target()));
    const bin = await tempDir('pgm-backup-bin-');
    const asked = join(bin, 'asked.log');
    // Stand-ins that write down each `--version` question, then are the real tools.
    for (const [tool, real] of [['pg_dump', native.pgDump], ['pg_restore', native.pgRestore!]] as const) {
      await writeFile(join(bin, tool), `#!/bin/sh\n[ "$1" = --version ] && echo ${tool} >> '${asked}'\nexec '${real}' "$@"\n`);
      await chmod(join(bin, tool), 0o755);
    }
    const only = { preferencePath: bin, env: { PATH: bin }, wellKnownLocations: false };
    const made = await createBackup(target(), { ...only, dataDir: await tempDir('pgm-backup-once-'), migrationsTable });
    expect(made.status, made.message ?? '').toBe('complete');
    expect(made.tool).toContain(join(bin, 'pg_dump'));
    const verification = await verifyBackup(target(), made, only);
    expect(verification.ok, verification.problems.join(' ')).toBe(true);
    expect(await readFile(asked, 'utf8')).toBe('pg_dump\n');
  }, slow);
});
