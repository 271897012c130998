import { describe, expect, it } from 'vitest';
import { fillMigrationTemplate, migrationTemplates, newMigrationLanguageList } from '../../contract';
import { evaluateMigration } from './evaluateMigration';
import { lintMigration } from './lint';

// Every template in every language is a migration node-pg-migrate runs: it loads, up and down give
// SQL, and the review checklist has nothing to say beyond "if the table holds rows" (no database here).
describe('new-migration templates', { timeout: 300_000 }, () => {
  it.each(migrationTemplates.flatMap((t) => newMigrationLanguageList.map((language) => [t.id, language] as const)))('%s in %s previews and lints clean', async (id, language) => {
    const content = fillMigrationTemplate(id, language, 'users');
    expect(content).not.toContain('{{table}}');
    if (language !== 'sql') expect(content).toMatch(language === 'ts' ? /import type \{[^}]*MigrationBuilder[^}]*\} from 'node-pg-migrate'/ : /@param pgm \{import\('node-pg-migrate'\)\.MigrationBuilder\}/);
    const evaluation = await evaluateMigration(language, content);
    expect(evaluation).toMatchObject({ up: { sql: expect.any(Array) }, down: { sql: expect.any(Array) } });
    const findings = lintMigration({ name: `1700000000000_${id.replace(/-/g, '_')}_for_users`, language, content }, evaluation, null);
    expect(findings.filter((f) => f.rule !== 'index-not-concurrent' && f.rule !== 'vague-name')).toEqual([]);
  });
});
