// Bench section `backup`: the app's default backup (pg_dump -Fd -j N -Z 0, see defaultDumpArgs) and restore (pg_restore -j)
// next to plain `pg_dump -Fc` (default compression) and plain `pg_restore`, on a ~450 MiB database,
// interleaved in the same run. Prints times, sizes and ratios; asserts nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { backupJobs, createBackup, createDatabase, defaultDumpArgs, dropDatabase, pgToolsFor, restoreBackup } from '../src-main/core/backups';
import { dumpSize } from '../src-main/core/backups/dumpFiles';
import { libpqEnvironment, retainDatabasePools } from '../src-main/core/database';
import { openBenchDatabase } from './benchDatabase';
import { formatMs } from './measure';

const run$ = promisify(execFile);
const rounds = 2;
const log = (line: string) => process.stderr.write(`${line}\n`);
const mib = (bytes: number) => `${(bytes / (1 << 20)).toFixed(1)} MiB`;

async function fill(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      create table customers (id bigint primary key, name text not null, email text not null, notes text, balance numeric(12,2), created_at timestamptz not null);
      insert into customers select g, 'Customer ' || g, 'customer' || g || '@example.com', repeat(md5(g::text), 2), (g % 100000) / 100.0, now() - (g || ' minutes')::interval from generate_series(1, 400000) g;
      create index on customers (email);
      create table orders (id bigint primary key, customer_id bigint not null, status text not null, total numeric(12,2) not null, comment text, created_at timestamptz not null);
      insert into orders select g, 1 + g % 400000, (array['new','paid','shipped','returned'])[1 + g % 4], (g % 50000) / 10.0, md5(g::text) || ' ' || md5((g * 3)::text), now() - (g || ' seconds')::interval from generate_series(1, 1600000) g;
      create index on orders (customer_id);
      create table order_lines (order_id bigint not null, line int not null, sku text not null, qty int not null, price numeric(10,2) not null, primary key (order_id, line));
      insert into order_lines select 1 + g / 3, g % 3, 'SKU-' || (g % 9973), 1 + g % 5, (g % 2000) / 10.0 from generate_series(1, 1000000) g;
      analyze;
    `);
    return Number((await client.query<{ size: string }>('select pg_database_size(current_database())::text as size')).rows[0]!.size);
  } finally {
    await client.end();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export async function run(): Promise<void> {
  const database = await openBenchDatabase(log);
  const releasePools = retainDatabasePools();
  const dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-bench-backup-'));
  const target = { connectionString: database.url };
  const env = { ...process.env, ...libpqEnvironment(target) };
  const migrationsTable = { schema: 'public', table: 'pgmigrations' };
  try {
    log('filling ~450 MiB (3 million rows)…');
    const { ms: fillMs, value: size } = await timed(() => fill(database.url));
    const tools = await pgToolsFor(target);
    process.stdout.write(`database: ${database.description}, ${mib(size)} (filled in ${formatMs(fillMs)}); pg_dump ${tools.version}; default: ${defaultDumpArgs().join(' ')} (jobs = ${backupJobs()})\n`);
    const rows: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      const plainFile = join(dataDir, `plain-${round}.dump`);
      const plainDump = async () => timed(() => run$(tools.pgDump, ['-Fc', '-f', plainFile], { env }));
      const appDump = async () => timed(() => createBackup(target, { dataDir, migrationsTable }));
      // Interleaved, order swapped each round so neither always runs on a warmer cache.
      let plain: Awaited<ReturnType<typeof plainDump>>;
      let app: Awaited<ReturnType<typeof appDump>>;
      if (round % 2 === 1) {
        plain = await plainDump();
        app = await appDump();
      } else {
        app = await appDump();
        plain = await plainDump();
      }
      const record = app.value;
      const plainSize = await dumpSize(plainFile);
      const plainDb = `bench_plain_restore_${round}`;
      const appDb = `bench_app_restore_${round}`;
      await createDatabase(target, plainDb);
      const plainRestore = await timed(() => run$(tools.pgRestore, ['-d', plainDb, plainFile], { env }));
      const appRestore = await timed(() => restoreBackup(target, record, { into: { newDatabase: appDb }, migrationsTable }));
      await dropDatabase(target, plainDb);
      await dropDatabase(target, appDb);
      await rm(plainFile, { force: true });
      rows.push(
        `round ${round}: backup  plain -Fc ${formatMs(plain.ms)} (${mib(plainSize)})  app ${formatMs(app.ms)} (${mib(record.sizeBytes ?? 0)})  ratio ${(app.ms / plain.ms).toFixed(2)}`,
        `round ${round}: restore plain ${formatMs(plainRestore.ms)}  app -j ${formatMs(appRestore.ms)} (incl. the post-restore row-count check)  ratio ${(appRestore.ms / plainRestore.ms).toFixed(2)}`,
      );
      process.stdout.write(`${rows.slice(-2).join('\n')}\n`);
    }
  } finally {
    await releasePools();
    await rm(dataDir, { recursive: true, force: true });
    await database.dispose();
  }
}
