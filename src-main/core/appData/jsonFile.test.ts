import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { StudioError } from '../../contract/errors';
import { readJsonFile, writeJsonFileAtomic } from './jsonFile';

const schema = z.object({ count: z.number() }).strict();
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgm-studio-json-'));
  file = join(dir, 'state.json');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('writeJsonFileAtomic / readJsonFile', () => {
  it('reads back what it wrote, keeps the previous version as .bak, leaves no temp file', async () => {
    await writeJsonFileAtomic(file, { count: 1 });
    await writeJsonFileAtomic(file, { count: 2 });
    expect(await readJsonFile(file, schema)).toEqual({ count: 2 });
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual({ count: 1 });
    expect((await readdir(dir)).sort()).toEqual(['state.json', 'state.json.bak']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('returns undefined for a missing file', async () => {
    expect(await readJsonFile(file, schema)).toBeUndefined();
  });

  it('reports a damaged file with a hint naming the backup, and leaves the file as it was', async () => {
    await writeFile(file, '{"count": 1,');
    const error = await readJsonFile(file, schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('invalid-input');
    expect((error as StudioError).hint).toContain(`${file}.bak`);
    expect(await readFile(file, 'utf8')).toBe('{"count": 1,');
  });

  it('rejects valid JSON of the wrong shape, naming the field', async () => {
    await writeFile(file, '{"count": "three"}');
    await expect(readJsonFile(file, schema)).rejects.toThrow(/count/);
  });
});
