// Bench section `status`: how status scales on a long-lived project. 5,000 migration files, half of them
// recorded as applied, on a real PostgreSQL. Prints figures; asserts nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getStatus, loadProject } from '../src-main/core/migrations';
import { markApplied, openBenchDatabase } from './benchDatabase';
import { generateMigrations } from './generateMigrations';
import { formatMb, formatMs, measure, median } from './measure';

const migrationCount = 5_000;
const statusRuns = 7;
const cliRuns = 3;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function timeCliStatus(url: string, migrationsDir: string): Promise<number> {
  const bin = new URL('../bin/pgm-studio.js', import.meta.url).pathname;
  const durations: number[] = [];
  for (let i = 0; i < cliRuns; i++) {
    const started = performance.now();
    await promisify(execFile)(process.execPath, [bin, 'status', '--json', '--migrations-dir', migrationsDir], { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, DATABASE_URL: url } });
    durations.push(performance.now() - started);
  }
  return median(durations);
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pgm-studio-bench-migrations-'));
  const database = await openBenchDatabase(log);
  try {
    let started = performance.now();
    const names = await generateMigrations(dir, migrationCount);
    const generateMs = performance.now() - started;

    started = performance.now();
    const project = await loadProject({ migrationsDir: dir });
    const loadMs = performance.now() - started;

    const applied = names.slice(0, migrationCount / 2);
    await markApplied(database.url, { schema: project.settings.migrationsSchema, name: project.settings.migrationsTable }, applied);

    const target = { connectionString: database.url };
    const { timing, memory, last } = await measure(statusRuns, () => getStatus(target, project.settings));
    const cliMs = await timeCliStatus(database.url, dir);

    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`PGM Studio bench: status over ${migrationCount.toLocaleString('en')} migrations (${applied.length.toLocaleString('en')} recorded as applied)`);
    out(`  database           ${database.description}`);
    out(`  node               ${process.version} on ${process.platform}/${process.arch}`);
    out(`  generate files     ${formatMs(generateMs)}`);
    out(`  loadProject        ${formatMs(loadMs)}`);
    out(`  getStatus          median ${formatMs(timing.medianMs)} (min ${formatMs(timing.minMs)}, max ${formatMs(timing.maxMs)}, ${timing.runs} runs after 1 warm-up)`);
    out(`  memory over runs   heap ${formatMb(memory.heapAfterRunBytes)} after the runs, ${formatMb(memory.heapRetainedBytes)} retained after GC; RSS ${formatMb(memory.rssBytes)}`);
    out(`  result             ${last.migrations.length} entries, ${last.appliedMigrations.length} applied, ${last.pendingMigrations.length} pending, up to date: ${last.isUpToDate}`);
    out(`  CLI status --json  median ${formatMs(cliMs)} (${cliRuns} runs, whole process through bin/pgm-studio.js: the out/cli bundle once built, else tsx)`);
  } finally {
    await database.dispose().catch((error: unknown) => log(`could not clean up the bench database: ${String(error)}`));
    await rm(dir, { recursive: true, force: true });
  }
}
