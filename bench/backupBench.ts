// Bench section `backup`: the app's default backup and restore next to plain `pg_dump -Fc` (default
// compression) and plain `pg_restore`, on a ~450 MiB database (3 million rows), in the same run.
// Rounds interleave the four operations (the order rotates each round, so none always runs on a
// warmer cache or a quieter machine); medians, sizes and the targets (issue 10 point 11: backup at
// most half of pg_dump -Fc's time, restore at most pg_restore's) are printed. Asserts nothing.
// BENCH_BACKUP_VARIANTS=1 also times raw pg_dump / pg_restore variants (jobs, compression levels),
// the measurements the default was chosen by.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { BackupRecord } from '../src-main/contract';
import { backupJobs, createBackup, createDatabase, defaultDumpArgs, dropDatabase, pgToolsFor, restoreBackup, verifyBackup } from '../src-main/core/backups';
import { dumpSize } from '../src-main/core/backups/dumpFiles';
import { libpqEnvironment, retainDatabasePools, type DatabaseTarget } from '../src-main/core/database';
import { openBenchDatabase } from './benchDatabase';
import { median } from './measure';

const run$ = promisify(execFile);
const rounds = Number(process.env.BENCH_BACKUP_ROUNDS ?? 3);
const log = (line: string) => process.stderr.write(`${line}\n`);
const out = (line: string) => process.stdout.write(`${line}\n`);
const mib = (bytes: number) => `${(bytes / (1 << 20)).toFixed(1)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

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

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Each round runs `steps` in a rotated order (round r starts with step r), so order effects average out over the rounds. */
async function interleaved(steps: { name: string; work: (round: number) => Promise<void> }[], onRound?: (round: number) => void): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[(round + i) % steps.length]!;
      log(`round ${round + 1}/${rounds}: ${step.name}…`);
      await step.work(round);
    }
    onRound?.(round);
  }
}

const summary = (values: number[]) => `${seconds(median(values))} (${values.map(seconds).join(', ')})`;
const verdict = (ok: boolean) => (ok ? '✓' : '✗');

export async function run(): Promise<void> {
  const database = await openBenchDatabase(log);
  const releasePools = retainDatabasePools();
  const dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-bench-backup-'));
  const target: DatabaseTarget = { connectionString: database.url };
  const env = { ...process.env, ...libpqEnvironment(target) };
  const migrationsTable = { schema: 'public', table: 'pgmigrations' };
  try {
    log('filling ~450 MiB (3 million rows)…');
    let size = 0;
    const fillMs = await timed(async () => {
      size = await fill(database.url);
    });
    const tools = await pgToolsFor(target);
    out(`database: ${database.description}, ${mib(size)} (filled in ${seconds(fillMs)}); pg_dump ${tools.version}`);
    out(`app backup  = createBackup end to end: snapshot and table list, pg_dump ${defaultDumpArgs().join(' ')} (jobs = ${backupJobs()}), rename, size, SHA-256 and per-table rows read from the dump; its record written`);
    out('app restore = restoreBackup into a new database: CREATE DATABASE, pg_restore -j, the post-restore row-count check');
    out('plain       = pg_dump -Fc -f FILE (default compression) / CREATE DATABASE, then pg_restore -d DB FILE (the same new database as the app restores into)');
    out('verify      = verifyBackup without a test restore (pg_restore --list, SHA-256 again): a separate step, timed apart, in neither target');

    const plainFile = join(dataDir, 'plain.dump');
    const times = { plainDump: [] as number[], appBackup: [] as number[], plainRestore: [] as number[], appRestore: [] as number[], verify: [] as number[] };
    let plainSize = 0;
    let record: BackupRecord | null = null;
    const dropRecord = async () => {
      if (record) await rm(join(dataDir, 'backups', record.id), { recursive: true, force: true });
    };
    // The backups run first in round 1 (the restores need their files); after that the rotation applies.
    await interleaved([
      {
        name: 'plain pg_dump -Fc',
        work: async () => {
          times.plainDump.push(await timed(() => run$(tools.pgDump, ['-Fc', '-f', plainFile], { env })));
          plainSize = await dumpSize(plainFile);
        },
      },
      {
        name: 'app backup',
        work: async () => {
          await dropRecord();
          times.appBackup.push(await timed(async () => {
            record = await createBackup(target, { dataDir, migrationsTable });
          }));
          if (record!.status !== 'complete') throw new Error(`the app's backup is ${record!.status}: ${record!.message}`);
          times.verify.push(await timed(async () => {
            const verification = await verifyBackup(target, record!);
            if (!verification.ok) throw new Error(`the app's backup did not verify: ${verification.problems.join(' ')}`);
          }));
        },
      },
      {
        name: 'plain pg_restore',
        work: async (round) => {
          const name = `bench_plain_restore_${round}`;
          times.plainRestore.push(await timed(async () => {
            await createDatabase(target, name);
            await run$(tools.pgRestore, ['-d', name, plainFile], { env });
          }));
          await dropDatabase(target, name);
        },
      },
      {
        name: 'app restore',
        work: async (round) => {
          const name = `bench_app_restore_${round}`;
          let ok = false;
          times.appRestore.push(await timed(async () => {
            ok = (await restoreBackup(target, record!, { into: { newDatabase: name }, migrationsTable })).check.ok;
          }));
          await dropDatabase(target, name);
          if (!ok) throw new Error('the app\'s restore did not pass its row-count check');
        },
      },
    ], (round) => log(`round ${round + 1}: backup plain ${seconds(times.plainDump.at(-1)!)} app ${seconds(times.appBackup.at(-1)!)}; restore plain ${seconds(times.plainRestore.at(-1)!)} app ${seconds(times.appRestore.at(-1)!)}`));

    const backupRatio = median(times.appBackup) / median(times.plainDump);
    const restoreRatio = median(times.appRestore) / median(times.plainRestore);
    out(`medians of ${rounds} interleaved rounds (each round's figure in brackets):`);
    out(`  backup   plain -Fc  ${summary(times.plainDump)}  ${mib(plainSize)}`);
    out(`           app        ${summary(times.appBackup)}  ${mib(record!.sizeBytes ?? 0)}`);
    out(`           ratio ${backupRatio.toFixed(2)} ${verdict(backupRatio <= 0.5)} (target <= 0.50)`);
    out(`  restore  plain      ${summary(times.plainRestore)}`);
    out(`           app -j${backupJobs()}     ${summary(times.appRestore)}`);
    out(`           ratio ${restoreRatio.toFixed(2)} ${verdict(restoreRatio <= 1)} (target <= 1.00)`);
    out(`  verify   app        ${summary(times.verify)}`);
    await rm(plainFile, { force: true });
    await dropRecord();
    if (process.env.BENCH_BACKUP_VARIANTS) await variants(target, tools, env, dataDir);
  } finally {
    await releasePools();
    await rm(dataDir, { recursive: true, force: true });
    await database.dispose();
  }
}

/** Raw pg_dump / pg_restore variants on the same database, interleaved the same way: what the default was chosen by. */
async function variants(target: DatabaseTarget, tools: { pgDump: string; pgRestore: string }, env: NodeJS.ProcessEnv, dataDir: string): Promise<void> {
  const dumps = [
    ['-Fc'],
    ['-Fc', '-Z0'],
    ['-Fd', '-j2', '-Z0'],
    ['-Fd', '-j3', '-Z0'],
    ['-Fd', '-j4', '-Z0'],
    ['-Fd', '-j2', '-Z1'],
  ];
  const folder = (args: string[]) => join(dataDir, `variant${args.join('')}`);
  const dumpTimes = new Map<string, number[]>(dumps.map((args) => [args.join(' '), []]));
  const sizes = new Map<string, number>();
  await interleaved(dumps.map((args) => ({
    name: `pg_dump ${args.join(' ')}`,
    work: async () => {
      await rm(folder(args), { recursive: true, force: true });
      dumpTimes.get(args.join(' '))!.push(await timed(() => run$(tools.pgDump, [...args, '-f', folder(args)], { env })));
      sizes.set(args.join(' '), await dumpSize(folder(args)));
    },
  })));
  out('variants (pg_dump alone, medians):');
  for (const [args, values] of dumpTimes) out(`  pg_dump ${args.padEnd(14)} ${summary(values)}  ${mib(sizes.get(args) ?? 0)}`);
  const restores = [['-j1'], ['-j2'], ['-j3'], ['-j4']];
  const source = folder(['-Fd', '-j2', '-Z0']);
  const restoreTimes = new Map<string, number[]>(restores.map((args) => [args.join(' '), []]));
  await interleaved(restores.map((args) => ({
    name: `pg_restore ${args.join(' ')}`,
    work: async (round) => {
      const name = `bench_variant_restore_${round}_${args.join('').replace(/\W/g, '')}`;
      await createDatabase(target, name);
      restoreTimes.get(args.join(' '))!.push(await timed(() => run$(tools.pgRestore, [...args, '-d', name, source], { env })));
      await dropDatabase(target, name);
    },
  })));
  out('variants (pg_restore of the -Fd -j2 -Z0 dump, medians):');
  for (const [args, values] of restoreTimes) out(`  pg_restore ${args.padEnd(4)} ${summary(values)}`);
}
