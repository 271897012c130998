import { describe, expect, it } from 'vitest';
import { statementsPerMigration, tablesTouched } from './downStake';

describe('a rehearsal\'s statements per migration', () => {
  it('splits at each migration\'s migrations-table mark; what follows the last mark is the failing one\'s', () => {
    const statements = [
      'DROP TABLE "user_preferences";',
      'DELETE FROM "public"."pgmigrations" WHERE name=\'3_prefs\';',
      'DROP TABLE "favorites";',
      'DROP TABLE "notes";',
      'DELETE FROM "public"."pgmigrations" WHERE name=\'2_notes\';',
      'DROP TABLE no_such_table;',
    ];
    const grouped = statementsPerMigration(statements, ['3_prefs', '2_notes', '1_first']);
    expect(grouped.get('3_prefs')).toEqual(['DROP TABLE "user_preferences";']);
    expect(grouped.get('2_notes')).toEqual(['DROP TABLE "favorites";', 'DROP TABLE "notes";']);
    expect(grouped.get('1_first')).toEqual(['DROP TABLE no_such_table;']);
  });
});

describe('tables a statement drops, alters or truncates', () => {
  it('reads quoted, qualified and listed names', () => {
    expect(tablesTouched('DROP TABLE "favorites";', 'public')).toEqual([{ table: 'public.favorites', action: 'dropped' }]);
    expect(tablesTouched('drop table if exists app.notes, "Odd Name" cascade', 'public')).toEqual([
      { table: 'app.notes', action: 'dropped' },
      { table: 'public.Odd Name', action: 'dropped' },
    ]);
    expect(tablesTouched('ALTER TABLE ONLY "public"."users" DROP COLUMN "bio";', 'public')).toEqual([{ table: 'public.users', action: 'altered' }]);
    expect(tablesTouched('TRUNCATE audit', 'app')).toEqual([{ table: 'app.audit', action: 'truncated' }]);
    expect(tablesTouched('CREATE INDEX ON users (email)', 'public')).toEqual([]);
  });
});
