import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Size of a dump: a file, or every file of a directory-format dump. 0 while it does not exist. */
export async function dumpSize(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  const entries = await readdir(path).catch(() => [] as string[]);
  const sizes = await Promise.all(entries.map((e) => stat(join(path, e)).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (chunk) => hash.update(chunk)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * SHA-256 of a dump file; for a directory dump, of its manifest (`<sha256>  <file>` per file, sorted),
 * so a changed, missing or extra file changes it.
 */
export async function dumpSha256(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isDirectory()) return hashFile(path);
  const files = (await readdir(path)).sort();
  const lines: string[] = [];
  for (const file of files) lines.push(`${await hashFile(join(path, file))}  ${file}`);
  return createHash('sha256').update(`${lines.join('\n')}\n`).digest('hex');
}
