// Bench section `ui`: the served UI in Chromium (/usr/bin/chromium, the flags of playwright.config),
// `pgm-studio serve` on a project of 3 and one of 5,000 pending migrations, a fresh browser context
// (empty cache) per load, the two interleaved: time from navigation to the first timeline row, and
// the bytes the first screen loaded as sent (compressed). Serves the last `npm run build`.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startStudioServer, type StudioServer } from '../e2e/support/studioServer';
import { buildCli } from '../scripts/buildCli.mjs';
import { freshDatabase, openBenchDatabase } from './benchDatabase';
import { out } from './comparison';
import { median } from './measure';

const loads = 5;
const log = (line: string) => process.stderr.write(`${line}\n`);
const rendererIndex = fileURLToPath(new URL('../out/renderer/index.html', import.meta.url));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function writeMigrations(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let start = 0; start < count; start += 250) {
    await Promise.all(Array.from({ length: Math.min(250, count - start) }, (_, k) => start + k).map((i) =>
      writeFile(join(dir, `${1_700_000_000_000 + i}_step_${String(i).padStart(5, '0')}.js`), `exports.up = (pgm) => { pgm.sql('SELECT ${i}'); };\nexports.down = (pgm) => { pgm.sql('SELECT ${i}'); };\n`)));
  }
}

interface Load {
  firstRowMs: number;
  /** JS + CSS as sent over the wire (compressed body bytes). */
  scriptAndStyleBytes: number;
  statusBytes: number;
  encodings: Set<string>;
}

async function loadOnce(newPage: () => Promise<Page>, url: string): Promise<Load> {
  const page = await newPage();
  const responses: Promise<{ type: string; bytes: number; encoding: string; path: string }>[] = [];
  page.on('response', (response) => {
    // The event stream never ends: its size would never be known.
    if (response.request().resourceType() === 'eventsource') return;
    responses.push((async () => ({
      type: response.request().resourceType(),
      bytes: (await response.request().sizes()).responseBodySize,
      encoding: (await response.allHeaders())['content-encoding'] ?? 'identity',
      path: new URL(response.url()).pathname,
    }))());
  });
  const started = performance.now();
  await page.goto(url, { timeout: 180_000 });
  await page.locator('[data-testid="migration-row"]').first().waitFor({ state: 'visible', timeout: 180_000 });
  const firstRowMs = performance.now() - started;
  const settled = await Promise.all(responses);
  await page.context().close();
  const assets = settled.filter((r) => r.type === 'script' || r.type === 'stylesheet');
  // BENCH_UI_FILES=1: which files made up the figure (to see what a change added to the first screen).
  if (process.env.BENCH_UI_FILES === '1') for (const r of assets) process.stderr.write(`    ${kb(r.bytes).padStart(7)} ${r.encoding.padEnd(8)} ${r.path}\n`);
  return {
    firstRowMs,
    scriptAndStyleBytes: assets.reduce((sum, r) => sum + r.bytes, 0),
    statusBytes: settled.filter((r) => r.path === '/rpc/migrations/status').reduce((sum, r) => sum + r.bytes, 0),
    encodings: new Set(assets.map((r) => r.encoding)),
  };
}

export async function run(): Promise<void> {
  if (!existsSync(rendererIndex)) throw new Error('out/renderer is missing: run npm run build first (the ui section serves the last build).');
  await buildCli({ quiet: true });
  const scratch = await mkdtemp(join(tmpdir(), 'pgm-studio-bench-ui-'));
  const database = await openBenchDatabase(log);
  const servers: StudioServer[] = [];
  const dbs: { drop(): Promise<void> }[] = [];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  try {
    const projects: Record<string, string> = {};
    for (const count of [3, 5000]) {
      const dir = join(scratch, `m${count}`);
      await writeMigrations(dir, count);
      const db = await freshDatabase(database.url);
      dbs.push(db);
      const server = await startStudioServer({ databaseUrl: db.url, migrationsDir: dir, dataDir: join(scratch, `data${count}`) });
      servers.push(server);
      projects[count] = server.url;
    }
    const newPage = async () => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const results: Record<string, Load[]> = { 3: [], 5000: [] };
    for (let i = 0; i < loads; i++) {
      for (const count of i % 2 ? [5000, 3] : [3, 5000]) {
        log(`  first row at ${count}: load ${i + 1} of ${loads}`);
        results[count]!.push(await loadOnce(newPage, projects[count]!));
      }
    }
    const firstRow = (count: number) => median(results[count]!.map((r) => r.firstRowMs));
    const ratio = firstRow(5000) / firstRow(3);
    const initial = median(results[3]!.map((r) => r.scriptAndStyleBytes));
    const mark = (met: boolean) => (met ? '✓' : '✗');
    out(`PGM Studio served UI in Chromium (${browser.version()}), fresh context per load, ${loads} loads each, interleaved`);
    out(`  first row, 3 migrations       ${Math.round(firstRow(3))} ms`);
    out(`  first row, 5,000 migrations   ${Math.round(firstRow(5000))} ms   ratio ${ratio.toFixed(2)}  target <= 1.50 ${mark(ratio <= 1.5)}`);
    out(`  initial JS + CSS, as sent     ${kb(initial)} (${[...results[3]![0]!.encodings].join(', ')})   target <= 300 KB ${mark(initial <= 300 * 1024)}`);
    out(`  status body at 5,000, as sent ${kb(median(results[5000]!.map((r) => r.statusBytes)))}`);
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
    for (const db of dbs) await db.drop().catch(() => undefined);
    await database.dispose().catch((error: unknown) => log(`could not clean up the bench database: ${String(error)}`));
    await rm(scratch, { recursive: true, force: true });
  }
}
