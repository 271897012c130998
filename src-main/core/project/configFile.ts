import { readFile } from 'node:fs/promises';
import { StudioError } from '../../contract';

/**
 * A node-pg-migrate `-f/--config-file` (JSON), and the part of it node-pg-migrate reads: the
 * `--config-value` section (default `db`) when the file has one, else the whole file.
 */
export async function readConfigFileSection(path: string, section: string): Promise<unknown> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new StudioError('invalid-project', `Cannot read the config file ${path}: ${reason}`, {
      hint: 'Pass a JSON node-pg-migrate config file (e.g. {"migrations-dir": "migrations", "migrations-table": "pgmigrations"}) or omit --config-file.',
    });
  }
  if (json && typeof json === 'object' && section in json) return (json as Record<string, unknown>)[section];
  return json;
}
