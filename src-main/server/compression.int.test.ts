// Server mode compresses what it sends when the browser asks (assets precompressed at build time,
// API answers on the fly) and never holds back the live event stream.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support/testDatabase';
import { tempFolders } from '../test-support/tempFolders';
import { startServer, type RunningServer } from './startServer';

const tempDir = tempFolders();
const appJs = `console.log(${JSON.stringify('a built chunk '.repeat(400))});\n`;
let db: TestDatabase;
let server: RunningServer;
let cookie: string;

function send(path: string, headers: Record<string, string>, body?: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: server.port, path, method: body === undefined ? 'GET' : 'POST', headers: { cookie, ...headers } }, resolve);
    request.on('error', reject);
    request.end(body);
  });
}

async function fetchRaw(path: string, headers: Record<string, string>, body?: string): Promise<{ encoding: string | undefined; text: string }> {
  const response = await send(path, headers, body);
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const encoding = response.headers['content-encoding'];
  const decoded = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
  return { encoding, text: decoded.toString('utf8') };
}

const rpc = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  fetchRaw(`/rpc/${channel}`, { origin: `http://127.0.0.1:${server.port}`, 'content-type': 'application/json', ...headers }, JSON.stringify(input));

beforeAll(async () => {
  db = await createTestDatabase('pgmstudio_compress');
  const rendererDir = await tempDir('pgm-renderer-');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>PGM Studio</title><div id="root"></div>');
  // What the build writes: each asset with its .br and .gz beside it.
  await writeFile(join(rendererDir, 'assets', 'app.js'), appJs);
  await writeFile(join(rendererDir, 'assets', 'app.js.br'), brotliCompressSync(appJs));
  await writeFile(join(rendererDir, 'assets', 'app.js.gz'), gzipSync(appJs));
  const migrationsDir = await tempDir('pgm-compress-migrations-');
  // The first one lasts long enough that its events must arrive while it still runs.
  for (let i = 0; i < 40; i++) await writeFile(join(migrationsDir, `${1000 + i}_step_${i}.js`), `exports.up = (pgm) => { pgm.sql('SELECT ${i === 0 ? 'pg_sleep(2)' : i}'); };\n`);
  server = await startServer({ dataDir: await tempDir('pgm-data-'), migrationsDir, databaseUrl: db.url, rendererDir, log: () => undefined });
  const landing = await fetch(server.url, { redirect: 'manual' });
  cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe('compression in server mode', () => {
  it('serves an asset\'s precompressed brotli or gzip file when asked, the plain file otherwise', async () => {
    expect(await fetchRaw('/assets/app.js', { 'accept-encoding': 'gzip, deflate, br' })).toEqual({ encoding: 'br', text: appJs });
    expect(await fetchRaw('/assets/app.js', { 'accept-encoding': 'gzip' })).toEqual({ encoding: 'gzip', text: appJs });
    expect(await fetchRaw('/assets/app.js', {})).toEqual({ encoding: undefined, text: appJs });
  });

  it('compresses an API answer when asked, and only then', async () => {
    for (const [accept, expected] of [['br, gzip', 'br'], ['gzip', 'gzip'], ['identity', undefined]] as const) {
      const { encoding, text } = await rpc('migrations/status', {}, { 'accept-encoding': accept });
      expect(encoding, accept).toBe(expected);
      expect(JSON.parse(text)).toMatchObject({ ok: true, value: { pendingMigrations: expect.arrayContaining(['1000_step_0', '1039_step_39']) } });
    }
  });

  it('still streams events live to a client that accepts compression', async () => {
    const stream = await send('/events', { 'accept-encoding': 'br, gzip' });
    expect(stream.headers['content-encoding']).toBeUndefined();
    const received: string[] = [];
    let notify = () => undefined as void;
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      received.push(chunk);
      notify();
    });
    const until = (found: (text: string) => boolean) =>
      new Promise<void>((resolve) => {
        notify = () => void (found(received.join('')) && resolve());
        notify();
      });
    await until((text) => text.includes(': subscribed'));
    // The run is still going (its answer not back yet) when its first events must already be here.
    let answered = false;
    const run = rpc('migrations/run', { selection: { direction: 'up', count: 1 } }).finally(() => (answered = true));
    await until((text) => text.includes('"type":"migration-started"'));
    expect(answered).toBe(false);
    expect(JSON.parse((await run).text)).toMatchObject({ ok: true, value: { success: true } });
    await until((text) => text.includes('"type":"run-finished"'));
    stream.destroy();
  });
});
