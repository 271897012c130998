import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fillMigrationTemplate, newMigrationNameHint, newMigrationNameProblem, StudioError, vagueNameWarnings, type CreatedMigration, type CreateMigrationInput, type ProjectSettings } from '../../contract';
import { migrationTemplates } from './templates';

/** Rejects what could escape the directory or break node-pg-migrate's naming; throws invalid-name. The UI applies the same rule (contract). */
export function validateMigrationName(name: string): void {
  const problem = newMigrationNameProblem(name);
  if (problem !== null) throw new StudioError('invalid-name', problem, { hint: newMigrationNameHint });
}

export { vagueNameWarnings };

/**
 * `{Date ms}_{name}.{js|ts|sql}` with the editor's `content`, else a named `template` (its table
 * filled in), else the blank template with up and down; never overwrites.
 */
export async function createMigration(project: ProjectSettings, input: CreateMigrationInput, now: Date = new Date()): Promise<CreatedMigration> {
  validateMigrationName(input.name);
  if (migrationTemplates[input.language] === undefined) {
    throw new StudioError('invalid-input', `Unknown migration language: ${String(input.language)}.`, { hint: 'Use js, ts or sql.' });
  }
  const template = input.content ?? (input.template === undefined ? migrationTemplates[input.language] : fillMigrationTemplate(input.template, input.language, input.table));
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
