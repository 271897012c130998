// Bench section `catalog`: the schema browser's whole-catalog load against psql's `\d+`, on 1,000
// tables (several columns, an index and a foreign key each). Both measured in the same run,
// interleaved, medians of a few runs. Prints figures; asserts nothing (the target is >= 20x).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { libpqEnvironment, withClient } from '../src-main/core/database';
import { readCatalog } from '../src-main/core/schema';
import { openBenchDatabase } from './benchDatabase';
import { formatMs, median } from './measure';

const tableCount = 1_000;
const runs = 5;
const log = (line: string) => process.stderr.write(`${line}\n`);
const tableName = (i: number) => `t${String(i).padStart(4, '0')}`;

/** Each table: five columns, a primary key, an index and a foreign key to the table before it. */
function schemaSql(): string {
  const statements: string[] = [];
  for (let i = 1; i <= tableCount; i++) {
    const name = tableName(i);
    const parent = i === 1 ? name : tableName(i - 1);
    statements.push(
      `CREATE TABLE ${name} (id serial PRIMARY KEY, name text NOT NULL, amount numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now(), parent_id int REFERENCES ${parent} (id));`,
      `CREATE INDEX ${name}_name_idx ON ${name} (name);`,
    );
  }
  return `BEGIN;\n${statements.join('\n')}\nCOMMIT;\nANALYZE;`;
}

export async function run(): Promise<void> {
  const database = await openBenchDatabase(log);
  const dir = await mkdtemp(join(tmpdir(), 'pgm-studio-bench-catalog-'));
  const target = { connectionString: database.url };
  try {
    log(`creating ${tableCount} tables…`);
    await withClient(target, (client) => client.query(schemaSql()));
    const script = join(dir, 'describe.sql');
    await writeFile(script, Array.from({ length: tableCount }, (_, i) => `\\d+ ${tableName(i + 1)}`).join('\n') + '\n');
    // One psql session runs all 1,000 \d+; its output goes nowhere. The password travels in the environment.
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...libpqEnvironment(target) };
    const psqlOnce = async () => {
      const started = performance.now();
      await promisify(execFile)('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', script, '-o', '/dev/null'], { env, maxBuffer: 64 * 1024 * 1024 });
      return performance.now() - started;
    };
    let queryCount = 0;
    let relationCount = 0;
    const catalogOnce = async () => {
      const started = performance.now();
      const catalog = await withClient(target, (client) => readCatalog(client));
      const elapsed = performance.now() - started;
      queryCount = catalog.queryCount;
      relationCount = catalog.schemas.reduce((n, s) => n + s.relations.length, 0);
      return elapsed;
    };
    // Warm-up: the first connection, the catalog caches, psql's first start.
    await catalogOnce();
    await psqlOnce();
    const catalogMs: number[] = [];
    const psqlMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      catalogMs.push(await catalogOnce());
      psqlMs.push(await psqlOnce());
    }
    const catalogMedian = median(catalogMs);
    const psqlMedian = median(psqlMs);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`  database           ${database.description}`);
    out(`  tables             ${tableCount} (5 columns, primary key, index, foreign key each); ${relationCount} relations read`);
    out(`  readCatalog        median ${formatMs(catalogMedian)} (min ${formatMs(Math.min(...catalogMs))}, max ${formatMs(Math.max(...catalogMs))}), ${queryCount} queries`);
    out(`  psql \\d+ x ${tableCount}    median ${formatMs(psqlMedian)} (min ${formatMs(Math.min(...psqlMs))}, max ${formatMs(Math.max(...psqlMs))}), one session`);
    out(`  ratio              ${(psqlMedian / catalogMedian).toFixed(1)}x faster than psql (target >= 20x); ${runs} interleaved runs after 1 warm-up`);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await database.dispose();
  }
}
