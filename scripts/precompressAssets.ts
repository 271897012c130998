// Server mode sends the UI's files precompressed (@fastify/static `preCompressed`): each built text
// file gets a brotli (.br) and a gzip (.gz) copy beside it, made once at build time at the highest
// levels, instead of compressing on every request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|ttf|wasm)$/;
// Below this a compressed copy saves less than its own headers cost.
const minBytes = 1024;

/** Writes `<file>.br` and `<file>.gz` beside every compressible file of `dir`; returns how many files. */
export async function precompressFolder(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && compressible.test(e.name)).map((e) => join(e.parentPath, e.name));
  let written = 0;
  await Promise.all(files.map(async (file) => {
    const content = await readFile(file);
    if (content.length < minBytes) return;
    const [br, gz] = await Promise.all([
      brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
      gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    written++;
  }));
  return written;
}

/** The Vite plugin: precompresses the renderer's output once the bundle is written. */
export function precompressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'pgm-studio:precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressFolder(outDir);
    },
  };
}
