import type { E2eDatabase } from './testDatabase';

/** Rows in every table of the sample's Course Tracker schema, so a rollback has something to lose. */
export async function fillSampleTables(db: E2eDatabase): Promise<void> {
  await db.query(`
    insert into users (email, display_name) select 'user' || i || '@example.com', 'User ' || i from generate_series(1, 40) i;
    insert into courses (title, author, created_by) select 'Course ' || i, 'Author ' || i, (select id from users order by email limit 1) from generate_series(1, 12) i;
    insert into episodes (course_id, title, position, duration_seconds) select c.id, c.title || ' ep ' || p, p, 60 * p from courses c, generate_series(1, 5) p;
    insert into notes (user_id, episode_id, body) select u.id, e.id, 'note on ' || e.title from users u, episodes e where e.position = 1;
    insert into favorites (user_id, episode_id) select u.id, e.id from users u, episodes e where e.position = 2;
    insert into user_preferences (user_id, theme) select id, 'dark' from users;
  `);
  // What autovacuum would have done by now on a live database: the row estimates come from these statistics.
  await db.query('analyze');
}

export const sampleTables = ['courses', 'episodes', 'favorites', 'notes', 'user_preferences', 'users'];

/** Per-table checksums of the contents (order-independent): equal means the same rows. */
export async function tableChecksums(db: E2eDatabase): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  const present = new Set((await db.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public'")).map((t) => t.name));
  for (const table of sampleTables) {
    out[table] = present.has(table) ? ((await db.query<{ sum: string | null }>(`select md5(string_agg(t::text, ',' order by t::text)) as sum from "${table}" t`))[0]?.sum ?? null) : null;
  }
  return out;
}
