// Which table locks a statement takes, from its kind (PostgreSQL's "Explicit Locking" table), so a
// rehearsal can warn before the run: ALTER TABLE -> ACCESS EXCLUSIVE, CREATE INDEX -> SHARE, ...

export type LockMode = 'ACCESS EXCLUSIVE' | 'EXCLUSIVE' | 'SHARE ROW EXCLUSIVE' | 'SHARE' | 'SHARE UPDATE EXCLUSIVE' | 'ROW EXCLUSIVE';

export interface ClassifiedLock {
  table: string;
  mode: LockMode;
  /** The kind of statement that takes it, e.g. "ALTER TABLE", "CREATE INDEX". */
  kind: string;
}

const strength: LockMode[] = ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'];
const stronger = (a: LockMode, b: LockMode): LockMode => (strength.indexOf(a) >= strength.indexOf(b) ? a : b);

/** What the application feels while the lock is held. */
export function lockBlocks(mode: LockMode): 'reads and writes' | 'writes' | 'schema changes' {
  if (mode === 'ACCESS EXCLUSIVE') return 'reads and writes';
  if (mode === 'SHARE' || mode === 'SHARE ROW EXCLUSIVE' || mode === 'EXCLUSIVE') return 'writes';
  return 'schema changes';
}

const part = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const name = String.raw`(${part}(?:\s*\.\s*${part})?)`;
const re = (source: string) => new RegExp(source, 'i');

/** `"public"."users"` / `public.users` / `Users` -> the name as PostgreSQL resolves it (unquoted folds to lower case). */
export function normalizeName(raw: string): string {
  return (raw.match(new RegExp(part, 'g')) ?? []).map((p) => (p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p.toLowerCase())).join('.');
}

/** Drops comments and string literals, so a keyword inside them never counts. */
function stripNoise(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/'(?:[^']|'')*'/g, "''").trim();
}

function namesAfter(list: string): string[] {
  return list.split(',').map((item) => item.trim().match(re(`^${name}`))?.[1]).filter((n): n is string => Boolean(n)).map(normalizeName);
}

/** The tables another table's foreign keys in `sql` point at. */
function referencedTables(sql: string): string[] {
  return [...sql.matchAll(new RegExp(String.raw`\bREFERENCES\s+${name}`, 'gi'))].map((m) => normalizeName(m[1] as string));
}

/** The ALTER TABLE subcommands that take less than ACCESS EXCLUSIVE (the rest take it). */
function alterTableMode(actions: string): { mode: LockMode; foreignKey: boolean } {
  const subcommands = actions.split(/,(?![^(]*\))/).map((s) => s.trim());
  let mode: LockMode | null = null;
  let foreignKey = false;
  for (const sub of subcommands) {
    let here: LockMode = 'ACCESS EXCLUSIVE';
    if (/^VALIDATE\s+CONSTRAINT\b/i.test(sub)) here = 'SHARE UPDATE EXCLUSIVE';
    else if (/^ALTER\s+(COLUMN\s+)?\S+\s+SET\s+STATISTICS\b/i.test(sub) || /^SET\s*\(/i.test(sub) || /^CLUSTER\s+ON\b/i.test(sub) || /^SET\s+WITHOUT\s+CLUSTER\b/i.test(sub)) here = 'SHARE UPDATE EXCLUSIVE';
    else if (/^(ENABLE|DISABLE)\s+TRIGGER\b/i.test(sub)) here = 'SHARE ROW EXCLUSIVE';
    else if (/^ADD\s+(CONSTRAINT\s+\S+\s+)?FOREIGN\s+KEY\b/i.test(sub)) {
      here = 'SHARE ROW EXCLUSIVE';
      foreignKey = true;
    } else if (/\bREFERENCES\b/i.test(sub)) foreignKey = true; // ADD COLUMN ... REFERENCES: ACCESS EXCLUSIVE here, SHARE ROW EXCLUSIVE there
    mode = mode ? stronger(mode, here) : here;
  }
  return { mode: mode ?? 'ACCESS EXCLUSIVE', foreignKey };
}

/** The table locks one SQL statement takes (empty when none that matter: SELECT, CREATE FUNCTION, ...). */
export function classifyStatementLocks(statement: string): ClassifiedLock[] {
  const sql = stripNoise(statement);
  let m: RegExpMatchArray | null;

  if ((m = sql.match(re(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${name}\s*\*?\s+([\s\S]*)$`)))) {
    const table = normalizeName(m[1] as string);
    const actions = (m[2] as string).trim();
    if (/^RENAME\b/i.test(actions)) return [{ table, mode: 'ACCESS EXCLUSIVE', kind: 'ALTER TABLE RENAME' }];
    const { mode, foreignKey } = alterTableMode(actions);
    const kind = mode === 'SHARE UPDATE EXCLUSIVE' && /VALIDATE\s+CONSTRAINT/i.test(actions) ? 'ALTER TABLE VALIDATE CONSTRAINT' : foreignKey && mode === 'SHARE ROW EXCLUSIVE' ? 'ALTER TABLE ADD FOREIGN KEY' : 'ALTER TABLE';
    const locks: ClassifiedLock[] = [{ table, mode, kind }];
    if (foreignKey) for (const other of referencedTables(actions)) if (other !== table) locks.push({ table: other, mode: 'SHARE ROW EXCLUSIVE', kind: 'FOREIGN KEY (referenced table)' });
    return locks;
  }
  if ((m = sql.match(re(String.raw`^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:${part}\s+)?ON\s+(?:ONLY\s+)?${name}`)))) {
    const concurrently = Boolean(m[1]);
    return [{ table: normalizeName(m[2] as string), mode: concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', kind: concurrently ? 'CREATE INDEX CONCURRENTLY' : 'CREATE INDEX' }];
  }
  if ((m = sql.match(re(String.raw`^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?([\s\S]+?)(?:\s+(?:CASCADE|RESTRICT))?\s*;?$`)))) {
    return namesAfter(m[1] as string).map((table) => ({ table, mode: 'ACCESS EXCLUSIVE' as const, kind: 'DROP TABLE' }));
  }
  if ((m = sql.match(re(String.raw`^TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?([\s\S]+?)(?:\s+(?:RESTART|CONTINUE|CASCADE|RESTRICT)\b[\s\S]*)?;?$`)))) {
    return namesAfter(m[1] as string).map((table) => ({ table, mode: 'ACCESS EXCLUSIVE' as const, kind: 'TRUNCATE' }));
  }
  if ((m = sql.match(re(String.raw`^CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${name}`)))) {
    const created = normalizeName(m[1] as string);
    return referencedTables(sql).filter((t) => t !== created).map((table) => ({ table, mode: 'SHARE ROW EXCLUSIVE' as const, kind: 'FOREIGN KEY (referenced table)' }));
  }
  if ((m = sql.match(re(String.raw`^CREATE\s+(?:OR\s+REPLACE\s+)?(?:CONSTRAINT\s+)?TRIGGER\s+[\s\S]+?\bON\s+${name}`)))) {
    return [{ table: normalizeName(m[1] as string), mode: 'SHARE ROW EXCLUSIVE', kind: 'CREATE TRIGGER' }];
  }
  if ((m = sql.match(re(String.raw`^REINDEX\s+(?:\([^)]*\)\s+)?TABLE\s+(CONCURRENTLY\s+)?${name}`)))) {
    return [{ table: normalizeName(m[2] as string), mode: m[1] ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', kind: m[1] ? 'REINDEX CONCURRENTLY' : 'REINDEX' }];
  }
  if ((m = sql.match(re(String.raw`^LOCK\s+(?:TABLE\s+)?(?:ONLY\s+)?${name}(?:\s+IN\s+([A-Z ]+?)\s+MODE)?`)))) {
    const mode = ((m[2] as string | undefined)?.toUpperCase().replace(/\s+/g, ' ') ?? 'ACCESS EXCLUSIVE') as LockMode;
    return strength.includes(mode) ? [{ table: normalizeName(m[1] as string), mode, kind: 'LOCK TABLE' }] : [];
  }
  if ((m = sql.match(re(String.raw`^INSERT\s+INTO\s+${name}`))) || (m = sql.match(re(String.raw`^UPDATE\s+(?:ONLY\s+)?${name}`))) || (m = sql.match(re(String.raw`^DELETE\s+FROM\s+(?:ONLY\s+)?${name}`)))) {
    return [{ table: normalizeName(m[1] as string), mode: 'ROW EXCLUSIVE', kind: (sql.match(/^\w+/)?.[0] ?? '').toUpperCase() }];
  }
  return [];
}
