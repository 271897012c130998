import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'dotenv';
import { expand } from 'dotenv-expand';
import type { Sourced } from './sourcedSettings';

/**
 * The database URL node-pg-migrate takes from `process.env[--database-url-var]` after loading `.env`
 * (or --envPath) with dotenv + dotenv-expand: a variable already in the environment wins over the file.
 */
export async function databaseUrlFromEnv(root: string, variable: string, envPath: string | undefined, env: Record<string, string | undefined>): Promise<Sourced<string> | undefined> {
  const fromEnvironment = env[variable];
  if (fromEnvironment) return { value: fromEnvironment, source: `environment variable ${variable}` };
  const file = resolve(root, envPath ?? '.env');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const processEnv: Record<string, string> = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  expand({ parsed: parse(text), processEnv });
  const value = processEnv[variable];
  return value ? { value, source: envPath ?? '.env' } : undefined;
}
