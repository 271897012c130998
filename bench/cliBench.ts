// Bench section `cli`: the shipped pgm-studio CLI against node-pg-migrate's own CLI from the same
// node_modules, on the same PostgreSQL server and the same generated migrations, a fresh database
// per run, the two interleaved (which one goes first alternates). Peak memory is getrusage's
// maxRSS of each child, reported at its exit by bench/maxRssReporter.mjs loaded into both alike.
// Also status at 1,000 and 5,000 migrations, in-process (warm and cold cache) and through the CLI.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../scripts/buildCli.mjs';
import { createMigrationFolderCache, getStatus, loadProject } from '../src-main/core/migrations';
import { databasePools } from '../src-main/core/database';
import { figureLine, out, ratioLine } from './comparison';
import { freshDatabase, markApplied, openBenchDatabase } from './benchDatabase';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const ours = join(repoRoot, 'bin/pgm-studio.js');
const theirs = join(repoRoot, 'node_modules/node-pg-migrate/bin/node-pg-migrate.js');
const rssReporter = new URL('./maxRssReporter.mjs', import.meta.url).href;
// Medians of five or more: one run of either CLI can be off by 20% on a shared machine, peak memory by 10%.
const reps = { version: 9, up100: 7, up1000: 5, down1000: 5, status: 5 };
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Trivial migrations, one statement each way: what is measured is the tool, not PostgreSQL. */
async function writeMigrations(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let start = 0; start < count; start += 250) {
    await Promise.all(Array.from({ length: Math.min(250, count - start) }, (_, k) => start + k).map((i) =>
      writeFile(join(dir, `${1_700_000_000_000 + i}_step_${String(i).padStart(5, '0')}.js`), `exports.up = (pgm) => { pgm.sql('SELECT ${i}'); };\nexports.down = (pgm) => { pgm.sql('SELECT ${i}'); };\n`)));
  }
}

interface ChildRun {
  ms: number;
  maxRssMiB: number;
}

let runCounter = 0;
function runChild(scratch: string, script: string, args: string[], env: Record<string, string>): Promise<ChildRun> {
  const rssFile = join(scratch, `maxrss-${runCounter++}`);
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], {
    cwd: scratch,
    env: { ...process.env, ...env, NO_COLOR: '1', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${rssReporter}`.trim(), PGM_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keepTail = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${script} ${args.join(' ')} exited ${code}:\n${tail}`));
      resolve({ ms, maxRssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024 });
    });
  });
}

type Tool = 'theirs' | 'ours';
interface Case {
  label: string;
  reps: number;
  /** Untimed preparation on a fresh database (e.g. apply 1,000 before timing down 1,000). */
  prepare?: (url: string) => Promise<void>;
  command: Record<Tool, string[]>;
  needsDatabase: boolean;
}

export async function run(): Promise<void> {
  log('building the CLI bundle…');
  await buildCli({ quiet: true });
  const scratch = await mkdtemp(join(tmpdir(), 'pgm-studio-bench-cli-'));
  const database = await openBenchDatabase(log);
  try {
    const dirs = { 100: join(scratch, 'm100'), 1000: join(scratch, 'm1000'), 5000: join(scratch, 'm5000') };
    for (const [count, dir] of Object.entries(dirs)) await writeMigrations(dir, Number(count));
    const dataDir = join(scratch, 'data');
    await mkdir(dataDir);
    const script = { theirs, ours };
    const timed = async (tool: Tool, c: Case): Promise<ChildRun> => {
      const db = c.needsDatabase ? await freshDatabase(database.url) : null;
      try {
        if (db && c.prepare) await c.prepare(db.url);
        return await runChild(scratch, script[tool], c.command[tool], { PGM_STUDIO_DATA_DIR: dataDir, ...(db ? { DATABASE_URL: db.url } : {}) });
      } finally {
        await db?.drop();
      }
    };
    const applyAll = (dir: string) => async (url: string) => void (await runChild(scratch, theirs, ['up', '-m', dir], { DATABASE_URL: url }));
    const cases: Case[] = [
      { label: '--version', reps: reps.version, needsDatabase: false, command: { theirs: ['--version'], ours: ['--version'] } },
      { label: 'up 100', reps: reps.up100, needsDatabase: true, command: { theirs: ['up', '-m', dirs[100]], ours: ['up', '--migrations-dir', dirs[100]] } },
      { label: 'up 1,000', reps: reps.up1000, needsDatabase: true, command: { theirs: ['up', '-m', dirs[1000]], ours: ['up', '--migrations-dir', dirs[1000]] } },
      { label: 'down 1,000', reps: reps.down1000, needsDatabase: true, prepare: applyAll(dirs[1000]), command: { theirs: ['down', '1000', '-m', dirs[1000]], ours: ['down', '--count', '1000', '--migrations-dir', dirs[1000]] } },
    ];
    const results = new Map<string, Record<Tool, ChildRun[]>>(cases.map((c) => [c.label, { theirs: [], ours: [] }]));
    const rounds = Math.max(...cases.map((c) => c.reps));
    for (let round = 0; round < rounds; round++) {
      for (const c of cases.filter((k) => round < k.reps)) {
        log(`  ${c.label}: round ${round + 1} of ${c.reps}`);
        for (const tool of (round % 2 ? ['ours', 'theirs'] : ['theirs', 'ours']) as Tool[]) results.get(c.label)![tool].push(await timed(tool, c));
      }
    }

    // Status: half of each folder recorded as applied, nothing run.
    const status: Record<string, { warm: number[]; cold: number[]; cli: number[] }> = {};
    for (const count of [1000, 5000] as const) {
      const db = await freshDatabase(database.url);
      try {
        const project = await loadProject({ migrationsDir: dirs[count] });
        const names = Array.from({ length: count / 2 }, (_, i) => `${1_700_000_000_000 + i}_step_${String(i).padStart(5, '0')}`);
        await markApplied(db.url, { schema: project.settings.migrationsSchema, name: project.settings.migrationsTable }, names);
        const target = { connectionString: db.url };
        const figures = { warm: [] as number[], cold: [] as number[], cli: [] as number[] };
        await getStatus(target, project.settings); // the pool's first connection and the process's cache
        for (let i = 0; i < reps.status; i++) {
          let started = performance.now();
          await getStatus(target, project.settings);
          figures.warm.push(performance.now() - started);
          const empty = createMigrationFolderCache();
          started = performance.now();
          await getStatus(target, project.settings, empty);
          figures.cold.push(performance.now() - started);
          empty.close();
          figures.cli.push((await runChild(scratch, ours, ['status', '--json', '--migrations-dir', dirs[count]], { PGM_STUDIO_DATA_DIR: dataDir, DATABASE_URL: db.url })).ms);
        }
        status[count] = figures;
      } finally {
        await databasePools().close();
        await db.drop();
      }
    }

    out(`PGM Studio CLI (bin/pgm-studio.js, the out/cli bundle) against node-pg-migrate's CLI, interleaved, fresh database per run`);
    out(`  database  ${database.description}; node ${process.version} on ${process.platform}/${process.arch}`);
    const limits: Record<string, number> = { '--version': 1.2, 'up 100': 1.1, 'up 1,000': 1.05, 'down 1,000': 1.05 };
    for (const c of cases) {
      const r = results.get(c.label)!;
      ratioLine(c.label, r.theirs.map((x) => x.ms), r.ours.map((x) => x.ms), limits[c.label]!);
    }
    const up1000 = results.get('up 1,000')!;
    ratioLine('peak memory, up 1,000', up1000.theirs.map((x) => x.maxRssMiB), up1000.ours.map((x) => x.maxRssMiB), 1.1, 'MiB');
    for (const count of [1000, 5000] as const) {
      const label = count.toLocaleString('en');
      figureLine(`getStatus ${label} warm`, status[count]!.warm, count === 5000 ? 50 : undefined, 'in-process, unchanged folder');
      figureLine(`getStatus ${label} cold`, status[count]!.cold, count === 5000 ? 150 : undefined, 'in-process, empty cache');
      figureLine(`CLI status ${label}`, status[count]!.cli, undefined, 'status --json, whole process; node-pg-migrate has no status command');
    }
  } finally {
    await database.dispose().catch((error: unknown) => log(`could not clean up the bench database: ${String(error)}`));
    await rm(scratch, { recursive: true, force: true });
  }
}
