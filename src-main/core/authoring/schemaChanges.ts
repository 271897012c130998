import type { BuilderCall } from './evaluateMigration';

/**
 * What a migration step does to the schema, read from its `pgm.*` calls and from the SQL it runs
 * (pgm.sql text, a .sql file's section): the lint rules judge these, whatever way they were written.
 * SQL is read with patterns, not parsed: enough for the review checklist, not a SQL parser.
 */
export type SchemaChange =
  | { kind: 'create-table'; table: string; line: number | null }
  | { kind: 'drop-table'; table: string; line: number | null }
  | { kind: 'add-column'; table: string; column: string; notNull: boolean; hasDefault: boolean; line: number | null }
  | { kind: 'drop-column'; table: string; column: string; line: number | null }
  | { kind: 'alter-type'; table: string; column: string; type: string; line: number | null }
  | { kind: 'set-not-null'; table: string; column: string; hasDefault: boolean; line: number | null }
  | { kind: 'create-index'; table: string; firstColumn: string | null; concurrently: boolean; line: number | null }
  /** A column that is indexed by its constraint (primary key, unique). */
  | { kind: 'indexed-column'; table: string; column: string; line: number | null }
  | { kind: 'foreign-key'; table: string; column: string; line: number | null }
  | { kind: 'update'; table: string; hasWhere: boolean; line: number | null }
  | { kind: 'delete'; table: string; hasWhere: boolean; line: number | null }
  | { kind: 'truncate'; table: string; line: number | null };

// ---- pgm.* calls ---------------------------------------------------------------------------------

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A pgm table argument: 'users', 'public.users' is not split by node-pg-migrate, `{ schema, name }`. */
function tableName(arg: Json): string {
  if (isObject(arg) && typeof arg.name === 'string') return arg.name;
  return typeof arg === 'string' ? arg : String(arg);
}

function columnNames(arg: Json): string[] {
  if (typeof arg === 'string') return [arg];
  if (Array.isArray(arg)) return arg.flatMap((a) => (typeof a === 'string' ? [a] : isObject(a) && typeof a.name === 'string' ? [a.name] : []));
  if (isObject(arg)) return Object.keys(arg);
  return [];
}

function columnChanges(table: string, columns: Json, line: number | null, added: boolean): SchemaChange[] {
  if (!isObject(columns)) return [];
  return Object.entries(columns).flatMap(([column, definition]): SchemaChange[] => {
    const def = isObject(definition) ? definition : {};
    const changes: SchemaChange[] = [];
    if (added) changes.push({ kind: 'add-column', table, column, notNull: def.notNull === true || def.primaryKey === true, hasDefault: def.default !== undefined || definition === 'id', line });
    if (def.references !== undefined) changes.push({ kind: 'foreign-key', table, column, line });
    if (def.primaryKey === true || def.unique === true || definition === 'id') changes.push({ kind: 'indexed-column', table, column, line });
    return changes;
  });
}

function callChanges(call: BuilderCall, sqlLine: number | null): SchemaChange[] {
  const [first, second, third] = call.args;
  const line = call.line;
  switch (call.op) {
    case 'createTable':
      return [{ kind: 'create-table', table: tableName(first), line }, ...columnChanges(tableName(first), second, line, false)];
    case 'dropTable':
      return [{ kind: 'drop-table', table: tableName(first), line }];
    case 'addColumns':
    case 'addColumn':
      return columnChanges(tableName(first), second, line, true);
    case 'dropColumns':
    case 'dropColumn':
      return columnNames(second).map((column) => ({ kind: 'drop-column', table: tableName(first), column, line }));
    case 'alterColumn': {
      const options = isObject(third) ? third : {};
      const table = tableName(first);
      const column = String(second);
      const changes: SchemaChange[] = [];
      if (typeof options.type === 'string') changes.push({ kind: 'alter-type', table, column, type: options.type, line });
      if (options.notNull === true) changes.push({ kind: 'set-not-null', table, column, hasDefault: options.default !== undefined && options.default !== null, line });
      return changes;
    }
    case 'createIndex':
    case 'addIndex': {
      const options = isObject(third) ? third : {};
      return [{ kind: 'create-index', table: tableName(first), firstColumn: columnNames(second)[0] ?? null, concurrently: options.concurrently === true, line }];
    }
    case 'addConstraint':
    case 'createConstraint': {
      const table = tableName(first);
      if (typeof third === 'string') return sqlChanges(`ALTER TABLE ${table} ADD ${third}`, line);
      if (!isObject(third)) return [];
      const changes: SchemaChange[] = [];
      const foreignKeys = Array.isArray(third.foreignKeys) ? third.foreignKeys : third.foreignKeys === undefined ? [] : [third.foreignKeys];
      for (const fk of foreignKeys) if (isObject(fk)) for (const column of columnNames(fk.columns).slice(0, 1)) changes.push({ kind: 'foreign-key', table, column, line });
      for (const key of [third.primaryKey, third.unique]) for (const column of columnNames(Array.isArray(key) ? key.flat() : key).slice(0, 1)) changes.push({ kind: 'indexed-column', table, column, line });
      return changes;
    }
    case 'sql':
      return typeof first === 'string' ? sqlChanges(first, sqlLine ?? line) : [];
    default:
      return [];
  }
}

/**
 * The schema changes of a step's calls. `sqlStartLine`: where a .sql file's section starts (its
 * loader's pgm.sql call has no line of the operator's text).
 */
export function changesOf(calls: readonly BuilderCall[], sqlStartLine: number | null = null): SchemaChange[] {
  return calls.flatMap((call) => callChanges(call, call.op === 'sql' && call.line === null ? sqlStartLine : null));
}

// ---- SQL text ------------------------------------------------------------------------------------

const ident = String.raw`(?:"[^"]+"|[A-Za-z_][\w$]*)`;
const qualified = String.raw`(${ident}(?:\s*\.\s*${ident})?)`;

/** `public."Users"` -> `Users`, `Users` -> `users` (unquoted names fold to lower case). */
function unquote(name: string): string {
  const last = name.split(/\s*\.\s*(?=(?:"[^"]*"|[^."])+$)/).pop() ?? name;
  return last.startsWith('"') ? last.slice(1, -1) : last.toLowerCase();
}

/** Comments blanked (newlines kept, so lines still count), then split at semicolons outside quotes. */
function statements(sql: string): { text: string; lineOffset: number }[] {
  const blanked = sql.replace(/\/\*[\s\S]*?\*\/|--[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));
  const out: { text: string; lineOffset: number }[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i <= blanked.length; i++) {
    const ch = blanked[i];
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === ';' || i === blanked.length) {
      const raw = blanked.slice(start, i);
      const text = raw.trim();
      if (text !== '') out.push({ text, lineOffset: (blanked.slice(0, start) + raw.slice(0, raw.length - raw.trimStart().length)).split('\n').length - 1 });
      start = i + 1;
    }
  }
  return out;
}

function alterTableActions(table: string, actions: string, line: number | null): SchemaChange[] {
  return actions.split(/,\s*(?=(?:ADD|DROP|ALTER)\b)/i).flatMap((action): SchemaChange[] => {
    const a = action.trim();
    let m: RegExpExecArray | null;
    if ((m = new RegExp(String.raw`^ADD\s+(?:CONSTRAINT\s+${ident}\s+)?FOREIGN\s+KEY\s*\(\s*(${ident})`, 'i').exec(a))) return [{ kind: 'foreign-key', table, column: unquote(m[1]!), line }];
    if ((m = new RegExp(String.raw`^ADD\s+(?:CONSTRAINT\s+${ident}\s+)?(?:PRIMARY\s+KEY|UNIQUE)\s*\(\s*(${ident})`, 'i').exec(a))) return [{ kind: 'indexed-column', table, column: unquote(m[1]!), line }];
    if (/^ADD\s+CONSTRAINT\b/i.test(a)) return [];
    if ((m = new RegExp(String.raw`^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${ident})\s+(.*)$`, 'is').exec(a))) {
      const column = unquote(m[1]!);
      const rest = m[2]!;
      const changes: SchemaChange[] = [{ kind: 'add-column', table, column, notNull: /\bNOT\s+NULL\b|\bPRIMARY\s+KEY\b/i.test(rest), hasDefault: /\bDEFAULT\b|\b(?:big|small)?serial\b|\bGENERATED\b/i.test(rest), line }];
      if (/\bREFERENCES\b/i.test(rest)) changes.push({ kind: 'foreign-key', table, column, line });
      if (/\bPRIMARY\s+KEY\b|\bUNIQUE\b/i.test(rest)) changes.push({ kind: 'indexed-column', table, column, line });
      return changes;
    }
    if (/^DROP\s+(?:CONSTRAINT|DEFAULT|NOT\s+NULL|IDENTITY|EXPRESSION)\b/i.test(a)) return [];
    if ((m = new RegExp(String.raw`^DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(${ident})`, 'i').exec(a))) return [{ kind: 'drop-column', table, column: unquote(m[1]!), line }];
    if ((m = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${ident})\s+(?:SET\s+DATA\s+)?TYPE\s+([^,]+?)(?:\s+USING\b.*)?$`, 'is').exec(a))) return [{ kind: 'alter-type', table, column: unquote(m[1]!), type: m[2]!.trim(), line }];
    if ((m = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${ident})\s+SET\s+NOT\s+NULL`, 'i').exec(a))) return [{ kind: 'set-not-null', table, column: unquote(m[1]!), hasDefault: false, line }];
    return [];
  });
}

function statementChanges(text: string, line: number | null): SchemaChange[] {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(String.raw`^CREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${qualified}\s*\(([\s\S]*)\)`, 'i').exec(text))) {
    const table = unquote(m[1]!);
    const changes: SchemaChange[] = [{ kind: 'create-table', table, line }];
    for (const column of m[2]!.split(/,(?![^(]*\))/)) {
      const c = new RegExp(String.raw`^\s*(${ident})\s+(.*)$`, 's').exec(column);
      if (c === null || /^(?:CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)$/i.test(c[1]!)) {
        changes.push(...alterTableActions(table, `ADD ${column.trim()}`, line).filter((x) => x.kind !== 'add-column'));
        continue;
      }
      if (/\bREFERENCES\b/i.test(c[2]!)) changes.push({ kind: 'foreign-key', table, column: unquote(c[1]!), line });
      if (/\bPRIMARY\s+KEY\b|\bUNIQUE\b/i.test(c[2]!)) changes.push({ kind: 'indexed-column', table, column: unquote(c[1]!), line });
    }
    return changes;
  }
  if ((m = /^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?([\s\S]+?)(?:\s+(?:CASCADE|RESTRICT))?$/i.exec(text))) {
    return m[1]!.split(',').map((t) => ({ kind: 'drop-table', table: unquote(t.trim()), line }));
  }
  if ((m = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${qualified}\s+([\s\S]*)$`, 'i').exec(text))) {
    return alterTableActions(unquote(m[1]!), m[2]!, line);
  }
  if ((m = new RegExp(String.raw`^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:${ident}\s+)?ON\s+(?:ONLY\s+)?${qualified}\s*(?:USING\s+\w+\s*)?\(\s*(${ident})?`, 'i').exec(text))) {
    return [{ kind: 'create-index', table: unquote(m[2]!), firstColumn: m[3] === undefined ? null : unquote(m[3]), concurrently: m[1] !== undefined, line }];
  }
  if ((m = new RegExp(String.raw`^DELETE\s+FROM\s+(?:ONLY\s+)?${qualified}`, 'i').exec(text))) return [{ kind: 'delete', table: unquote(m[1]!), hasWhere: /\bWHERE\b/i.test(text), line }];
  if ((m = new RegExp(String.raw`^UPDATE\s+(?:ONLY\s+)?${qualified}\s`, 'i').exec(text))) return [{ kind: 'update', table: unquote(m[1]!), hasWhere: /\bWHERE\b/i.test(text), line }];
  if ((m = new RegExp(String.raw`^TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?${qualified}`, 'i').exec(text))) return [{ kind: 'truncate', table: unquote(m[1]!), line }];
  return [];
}

/** The schema changes of SQL text that starts at `startLine` of the operator's text (null: unknown). */
export function sqlChanges(sql: string, startLine: number | null): SchemaChange[] {
  return statements(sql).flatMap(({ text, lineOffset }) => statementChanges(text, startLine === null ? null : startLine + lineOffset));
}
