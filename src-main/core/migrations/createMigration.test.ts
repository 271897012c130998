import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectSettings } from '../../contract';
import { createMigration, validateMigrationName, vagueNameWarnings } from './createMigration';
import { hasDownStep } from './downDetection';

describe('createMigration', () => {
  let project: ProjectSettings;
  const now = new Date('2026-01-02T03:04:05.678Z');

  beforeEach(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pgm-studio-create-'));
    project = { migrationsDir: dir, migrationsTable: 'pgmigrations', migrationsSchema: 'public', schema: 'public', checkOrder: true };
  });
  afterEach(async () => rm(project.migrationsDir, { recursive: true, force: true }));

  it.each(['js', 'ts', 'sql'] as const)('writes {Date ms}_{name}.%s from a template with up and down', async (language) => {
    const created = await createMigration(project, { name: 'add_email_index_to_users', language }, now);
    expect(created).toEqual({
      name: `${now.getTime()}_add_email_index_to_users`,
      file: `${now.getTime()}_add_email_index_to_users.${language}`,
      path: join(project.migrationsDir, `${now.getTime()}_add_email_index_to_users.${language}`),
      warnings: [],
    });
    const source = await readFile(created.path, 'utf8');
    expect(hasDownStep(created.file, source)).toBe(true);
    if (language === 'sql') expect(source).toMatch(/-- Up Migration[\s\S]*-- Down Migration/);
    else expect(source).toMatch(/\bup\b[\s\S]*\bdown\b/);
  });

  it('refuses to overwrite an existing file', async () => {
    await createMigration(project, { name: 'create_tags_table', language: 'js' }, now);
    await expect(createMigration(project, { name: 'create_tags_table', language: 'js' }, now)).rejects.toMatchObject({ code: 'file-exists' });
  });

  it.each([
    ['../escape', 'path'],
    ['nested/name', 'path'],
    ['back\\slash', 'path'],
    ['a..b', 'path'],
    ['AddUsers', 'snake'],
    ['add users', 'snake'],
    ['add-users', 'snake'],
    ['1_starts_with_digit', 'snake'],
    ['double__underscore', 'snake'],
    ['trailing_', 'snake'],
    ['', 'snake'],
  ])('rejects %j as invalid-name', async (name, kind) => {
    const error = await createMigration(project, { name, language: 'js' }, now).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-name' });
    expect((error as Error).message).toMatch(kind === 'path' ? /path separator/ : /snake_case/);
    expect((error as { hint?: string }).hint).toBeTruthy();
  });

  it('accepts good snake_case names', () => {
    for (const name of ['add_user_preferences_table', 'remove_deprecated_status_column', 'v2_backfill_emails', 'initial_database_setup']) {
      expect(() => validateMigrationName(name)).not.toThrow();
      expect(vagueNameWarnings(name)).toEqual([]);
    }
  });

  it("warns on the seed's vague names and their cousins, but still creates the file", async () => {
    for (const name of ['update_users', 'fix_database', 'changes', 'misc_changes', 'fix_users', 'update', 'users']) {
      expect(vagueNameWarnings(name), name).toHaveLength(1);
    }
    const created = await createMigration(project, { name: 'update_users', language: 'sql' }, now);
    expect(created.warnings[0]).toMatch(/vague|does not say/);
  });
});
