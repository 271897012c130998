import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError, type CreatedMigration, type ProjectSettings } from '../../contract';
import { migrationTemplates } from './templates';

const snakeCase = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

// Names that say neither what changes nor where (the seed's "Avoid" list and their cousins).
const vagueWords = new Set(['update', 'updates', 'fix', 'fixes', 'change', 'changes', 'misc', 'stuff', 'temp', 'tmp', 'test', 'wip', 'new', 'migration', 'migrations', 'database', 'db', 'schema', 'tables', 'table', 'data', 'patch', 'hotfix', 'cleanup', 'refactor', 'tweak', 'tweaks', 'modify', 'alter', 'edit', 'init', 'more', 'final']);
const actionWords = new Set(['add', 'create', 'drop', 'remove', 'rename', 'alter', 'change', 'backfill', 'populate', 'index', 'make', 'set', 'split', 'merge', 'move', 'convert', 'enable', 'disable', 'grant', 'revoke', 'seed', 'update', 'fix', 'delete', 'insert', 'replace', 'extract', 'introduce', 'deprecate', 'initial', 'setup']);

/** Rejects what could escape the directory or break node-pg-migrate's naming; throws invalid-name. */
export function validateMigrationName(name: string): void {
  if (/[\\/]/.test(name) || name.includes('..')) {
    throw new StudioError('invalid-name', `"${name}" contains a path separator or "..".`, { hint: 'Give a plain snake_case name such as add_email_index_to_users; the file is always created in the migrations directory.' });
  }
  if (!snakeCase.test(name) || name.length > 200) {
    throw new StudioError('invalid-name', `"${name}" is not a snake_case identifier.`, {
      hint: 'Use lower-case letters, digits and single underscores, starting with a letter, e.g. add_user_preferences_table.',
    });
  }
}

/** Warnings for names that do not say what changes and where (update_users, fix_database, changes). */
export function vagueNameWarnings(name: string): string[] {
  const words = name.split('_');
  if (words.includes('initial')) return [];
  const specific = words.filter((w) => !vagueWords.has(w) && !actionWords.has(w));
  const hasVerb = words.some((w) => actionWords.has(w));
  const vagueVerb = words.some((w) => ['update', 'fix', 'change', 'changes', 'modify', 'tweak', 'misc', 'patch'].includes(w));
  if (specific.length === 0) return [`"${name}" does not say what changes: name the object and the change, e.g. add_email_index_to_users.`];
  if (vagueVerb && specific.length < 2) return [`"${name}" is vague: say what changes in ${specific.join(' ')}, e.g. add_last_login_to_users or remove_deprecated_status_column.`];
  if (!hasVerb && words.length < 2) return [`"${name}" does not say what happens to ${name}: start with a verb, e.g. create_${name}_table.`];
  return [];
}

/** `{Date ms}_{name}.{js|ts|sql}` from a template with up and down; never overwrites. */
export async function createMigration(project: ProjectSettings, input: { name: string; language: 'js' | 'ts' | 'sql' }, now: Date = new Date()): Promise<CreatedMigration> {
  validateMigrationName(input.name);
  const template = migrationTemplates[input.language];
  if (template === undefined) {
    throw new StudioError('invalid-input', `Unknown migration language: ${String(input.language)}.`, { hint: 'Use js, ts or sql.' });
  }
  const name = `${now.getTime()}_${input.name}`;
  const file = `${name}.${input.language}`;
  const path = join(project.migrationsDir, file);
  try {
    await writeFile(path, template, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new StudioError('file-exists', `${file} already exists.`, { hint: 'Wait a millisecond and create it again, or pick another name; existing migrations are never overwritten.' });
    }
    if (code === 'ENOENT') {
      throw new StudioError('invalid-project', `Migrations directory not found: ${project.migrationsDir}`, { hint: 'Create the folder or pass the right --migrations-dir.' });
    }
    throw error;
  }
  return { name, file, path, warnings: vagueNameWarnings(input.name) };
}
