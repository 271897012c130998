import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { StudioError } from '../../contract';
import type { SourceOf } from './sourcedSettings';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** node-pg-migrate reads the `config` package only when the project has it (it `import('config')`s it). */
export function usesConfigPackage(root: string, packageJson: Json | undefined): boolean {
  const declared = ['dependencies', 'devDependencies'].some((field) => isObject(packageJson?.[field]) && 'config' in (packageJson[field] as Json));
  return declared || existsSync(join(root, 'node_modules', 'config', 'package.json'));
}

const sectionOf = (json: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (isObject(at) && key in at ? at[key] : undefined), json);

/**
 * The `config` package's JSON files in its load order (default, the deployment from NODE_CONFIG_ENV /
 * NODE_ENV, local, local-<deployment>), merged as `config.get(section)` returns them, with the file
 * each key came from.
 */
export async function readConfigPackageSection(root: string, section: string, env: Record<string, string | undefined>): Promise<{ value: unknown; source: SourceOf } | undefined> {
  const dir = join(root, env.NODE_CONFIG_DIR || 'config');
  const deployment = env.NODE_CONFIG_ENV || env.NODE_ENV || 'development';
  const names = ['default.json', `${deployment}.json`, 'local.json', `local-${deployment}.json`];
  let merged: unknown;
  const keySources = new Map<string, string>();
  let wholeSource = '';
  for (const name of names) {
    const file = join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const label = relative(root, file);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new StudioError('invalid-project', `Cannot read ${label}: ${(error as Error).message}`, { hint: `Fix the JSON in ${file}; node-pg-migrate reads it through the config package.` });
    }
    const part = sectionOf(json, section);
    if (part === undefined) continue;
    if (isObject(part) && (isObject(merged) || merged === undefined)) {
      merged = { ...(merged as Json | undefined), ...part };
      for (const key of Object.keys(part)) keySources.set(key, label);
    } else {
      merged = part;
      keySources.clear();
    }
    wholeSource = label;
  }
  if (merged === undefined) return undefined;
  return { value: merged, source: (key) => keySources.get(key) ?? wholeSource };
}
