import { describe, expect, it } from 'vitest';
import type { MigrationRunResponse, MigrationSchemaDiff, SchemaCatalog, TableDetail } from '../contract';
import { envelopeValue } from '../test-support/rpcEnvelope';
import { sampleStudioSuite } from '../test-support/sampleStudio';

const [initial, episodes, preferences] = ['1734567890000_initial_database_setup', '1734567890001_episode_notes_favorites', '1734567890002_add_user_preferences'] as const;

const suite = sampleStudioSuite('pgm-studio-schema-');
const { events } = suite;

/** pgmigrations and the tables, to prove a diff changed nothing. */
const databaseState = async () => {
  const tables = await suite.db.query<{ name: string }>("SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1");
  const applied = await suite.db.query<{ name: string }>("SELECT name FROM pgmigrations ORDER BY id").catch(() => ({ rows: [] }));
  return { tables: tables.rows.map((r) => r.name), applied: applied.rows.map((r) => r.name) };
};

describe('schema/migration-diff: the schema change one migration makes, rehearsed', () => {
  it('a pending migration: its up alone, the pending ones before it run first and are named', async () => {
    const before = await databaseState();
    const result = envelopeValue<MigrationSchemaDiff>(await suite.dispatch('schema/migration-diff', { migration: episodes }));
    expect(result).toMatchObject({ migration: episodes, direction: 'up', plan: [initial, episodes], alsoIncluded: [initial], success: true });
    expect(result.summary).toEqual({ added: ['table public.episodes', 'table public.favorites', 'table public.notes'], removed: [], altered: [] });
    // The parts are in the diff itself: the unique constraint the migration adds, the index, the foreign keys.
    const names = result.diff.added.map((o) => `${o.kind} ${o.name}`);
    expect(names).toEqual(expect.arrayContaining(['constraint uq_episodes_course_position', 'index notes_user_id_episode_id_index', 'constraint favorites_user_id_fkey']));
    expect(names.filter((n) => n.includes('users') || n.includes('courses'))).toEqual([]);
    expect(result.statements.some((s) => s.startsWith('CREATE TABLE "episodes"'))).toBe(true);
    expect(await databaseState()).toEqual(before);
  });

  it('an applied migration that is not the last: its down alone, after reverting the later ones, and the database stays as it was', async () => {
    const up = envelopeValue<MigrationRunResponse>(await suite.dispatch('migrations/run', { selection: { direction: 'up' } }));
    expect(up.success).toBe(true);
    const before = await databaseState();
    events.length = 0;
    const result = envelopeValue<MigrationSchemaDiff>(await suite.dispatch('schema/migration-diff', { migration: episodes }));
    expect(result).toMatchObject({ migration: episodes, direction: 'down', plan: [preferences, episodes], alsoIncluded: [preferences], success: true });
    expect(result.summary).toEqual({ added: [], removed: ['table public.episodes', 'table public.favorites', 'table public.notes'], altered: [] });
    expect(result.diff.removed.some((o) => o.name === 'user_preferences')).toBe(false);
    expect(await databaseState()).toEqual(before);
    // It streams like a rehearsal, so the run log shows it.
    expect(events.find((e) => e.type === 'run-started')).toMatchObject({ rehearsal: true, direction: 'down' });
  });

  it('the last applied one: only itself in the plan', async () => {
    const result = envelopeValue<MigrationSchemaDiff>(await suite.dispatch('schema/migration-diff', { migration: preferences }));
    expect(result).toMatchObject({ direction: 'down', plan: [preferences], alsoIncluded: [], success: true });
    expect(result.summary.removed).toEqual(['table public.user_preferences']);
  });

  it('an unknown migration is refused with a hint, a bad name before anything runs', async () => {
    expect(await suite.dispatch('schema/migration-diff', { migration: '999_nope' })).toMatchObject({ ok: false, error: { code: 'not-found', hint: expect.any(String) } });
    expect(await suite.dispatch('schema/migration-diff', { migration: '../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('schema/catalog and schema/table through the router', () => {
  it('the catalog lists the sample\'s tables with columns and foreign keys for the ERD, in a fixed number of queries', async () => {
    const catalog = envelopeValue<SchemaCatalog>(await suite.dispatch('schema/catalog', {}));
    expect(catalog.database).toBe(suite.db.name);
    const publicSchema = catalog.schemas.find((s) => s.name === 'public');
    const preferencesTable = publicSchema?.relations.find((r) => r.name === 'user_preferences');
    expect(preferencesTable?.foreignKeys).toEqual([{ name: expect.any(String), columns: ['user_id'], referencedSchema: 'public', referencedTable: 'users', referencedColumns: ['id'] }]);
    expect(preferencesTable?.columns.find((c) => c.name === 'id')).toMatchObject({ primaryKey: true, notNull: true });
    expect(publicSchema?.sequences.some((s) => s.ownedBy?.startsWith('public.') === true)).toBe(true);
    expect(catalog.queryCount).toBeLessThanOrEqual(10);
    expect(Date.parse(catalog.loadedAt)).not.toBeNaN();
  });

  it('a table\'s detail, and clear errors for a missing table or a bad input', async () => {
    const detail = envelopeValue<TableDetail>(await suite.dispatch('schema/table', { schema: 'public', name: 'users' }));
    expect(detail.referencedBy.map((r) => r.table)).toEqual(expect.arrayContaining(['user_preferences', 'courses']));
    expect(detail.ddl).toMatch(/^CREATE TABLE public\.users \(/);
    expect(await suite.dispatch('schema/table', { schema: 'public', name: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await suite.dispatch('schema/table', { schema: 'public', name: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
