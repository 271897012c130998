import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressFolder } from './precompressAssets';

describe('precompressFolder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pgm-studio-precompress-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes a brotli and a gzip copy beside each built text file, none for tiny or non-text files', async () => {
    const js = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `row ${i}`))};\n`;
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'assets', 'index-abc.js'), js);
    await writeFile(join(dir, 'assets', 'index-abc.js.map'), js);
    await writeFile(join(dir, 'assets', 'tiny.css'), 'a{}');
    await writeFile(join(dir, 'index.html'), `<!doctype html>${'<p>x</p>'.repeat(200)}`);
    expect(await precompressFolder(dir)).toBe(2);
    expect((await readdir(join(dir, 'assets'))).sort()).toEqual(['index-abc.js', 'index-abc.js.br', 'index-abc.js.gz', 'index-abc.js.map', 'tiny.css']);
    expect(brotliDecompressSync(await readFile(join(dir, 'assets', 'index-abc.js.br'))).toString()).toBe(js);
    expect(gunzipSync(await readFile(join(dir, 'assets', 'index-abc.js.gz'))).toString()).toBe(js);
    expect((await readFile(join(dir, 'assets', 'index-abc.js.br'))).length).toBeLessThan(js.length / 3);
    expect((await readdir(dir)).sort()).toEqual(['assets', 'index.html', 'index.html.br', 'index.html.gz']);
  });
});
