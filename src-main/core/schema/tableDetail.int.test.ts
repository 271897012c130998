import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableColumn, TableDetail } from '../../contract';
import { createTestDatabase, type TestDatabase } from '../../test-support/testDatabase';
import { runMigrations } from '../migrations';
import { makeProject, type ProjectFixture } from '../migrations/fixtures/projectFixture';
import { paritySchemaSql, parityRelations } from './fixtures/paritySchema';
import { psqlDescribe, type PsqlDescription } from './fixtures/psqlDescribe';
import { readTableDetail } from './readTableDetail';

/** What psql prints in the Default column for this column. */
function psqlDefault(column: TableColumn): string {
  if (column.identity) return `generated ${column.identity} as identity`;
  if (column.generated) return `generated always as (${column.default ?? ''}) stored`;
  return column.default ?? '';
}

const triggerSections: Record<string, string> = {
  Triggers: 'O',
  'Disabled user triggers': 'D',
  'Disabled internal triggers': 'D',
  'Triggers firing always': 'A',
  'Triggers firing on replica only': 'R',
};

/** `"name" rest` or `TABLE "x" CONSTRAINT "name" rest` -> [name, rest]. */
function namedItem(item: string): [string, string] {
  const match = /^(?:TABLE "[^"]+" CONSTRAINT )?"((?:[^"]|"")+)"(?: ([\s\S]*))?$/.exec(item);
  if (!match) throw new Error(`Cannot read psql item ${item}`);
  return [(match[1] ?? '').replace(/""/g, '"'), match[2] ?? ''];
}

/** `a,\n b`: psql's comma-separated lists that wrap. */
const listed = (values: string[] | undefined) => (values ?? []).map((v) => v.replace(/,$/, ''));

/**
 * Everything psql's `\d+` shows must be in the table view's data. Every line is checked; a section or
 * value psql prints that this test does not know fails it, so nothing psql shows can go missing unseen.
 */
function expectParity(psql: PsqlDescription, detail: TableDetail) {
  const qualified = (schema: string, name: string) => (schema === 'public' ? name : `${schema}.${name}`);
  expect(psql.title.startsWith('Unlogged ')).toBe(detail.persistence === 'unlogged');
  // Column rows, field by field.
  expect(psql.columns.map((c) => c.Column)).toEqual(detail.columns.map((c) => c.name));
  for (const [n, row] of psql.columns.entries()) {
    const column = detail.columns[n] as TableColumn;
    const ours: Record<string, string> = {
      Column: column.name,
      Type: column.type,
      Collation: column.collation ?? '',
      Nullable: column.nullable ? '' : 'not null',
      Default: psqlDefault(column),
      Storage: column.storage,
      Compression: column.compression ?? '',
      'Stats target': column.statsTarget === null ? '' : String(column.statsTarget),
      Description: column.description ?? '',
    };
    for (const header of Object.keys(row)) {
      expect(header in ours, `psql column header ${header}`).toBe(true);
      expect(ours[header], `${detail.name}.${column.name} ${header}`).toBe(row[header]);
    }
  }
  const seen = new Set<string>();
  const section = (name: string) => {
    seen.add(name);
    return psql.sections.get(name) ?? [];
  };
  // Indexes: one line each, flags and method/columns/predicate.
  const indexLines = section('Indexes');
  expect(indexLines.map((l) => namedItem(l)[0]).sort()).toEqual(detail.indexes.map((i) => i.name).sort());
  for (const line of indexLines) {
    const [name, rest] = namedItem(line);
    const index = detail.indexes.find((i) => i.name === name);
    expect(index, name).toBeDefined();
    if (!index) continue;
    expect(rest.startsWith('PRIMARY KEY'), `${name} primary`).toBe(index.primary);
    expect(/^(PRIMARY KEY|UNIQUE)/.test(rest), `${name} unique`).toBe(index.unique);
    expect(rest.includes(' INVALID'), `${name} invalid`).toBe(!index.valid);
    expect(rest.includes(' CLUSTER'), `${name} clustered`).toBe(index.clustered);
    expect(rest.includes(' REPLICA IDENTITY'), `${name} replica identity`).toBe(index.replicaIdentity);
    expect(/^UNIQUE CONSTRAINT|^PRIMARY KEY|^EXCLUDE/.test(rest), `${name} constraint-backed`).toBe(index.constraint !== null);
    const shape = rest.replace(/^(PRIMARY KEY|UNIQUE CONSTRAINT|UNIQUE), /, '').replace(/( CLUSTER| INVALID| REPLICA IDENTITY)+$/, '');
    if (shape.startsWith('EXCLUDE')) expect(detail.constraints.find((k) => k.name === name)?.definition).toBe(shape);
    else expect(index.definition, name).toContain(`USING ${shape}`);
  }
  for (const [title, contype] of [['Check constraints', 'c'], ['Foreign-key constraints', 'f']] as const) {
    for (const line of section(title)) {
      const [name, definition] = namedItem(line);
      expect(detail.constraints.find((k) => k.name === name && k.contype === contype)?.definition, `${title} ${name}`).toBe(definition);
      if (contype === 'f') expect(detail.foreignKeys.find((k) => k.name === name)?.definition, name).toBe(definition);
    }
  }
  const referencedBy = section('Referenced by');
  expect(referencedBy).toHaveLength(detail.referencedBy.length);
  for (const line of referencedBy) {
    const table = /^TABLE "([^"]+)"/.exec(line)?.[1];
    const [name, definition] = namedItem(line);
    expect(detail.referencedBy.some((r) => qualified(r.schema, r.table) === table && r.name === name && r.definition === definition), line).toBe(true);
  }
  // Policies: the header tells row security, each item its command, roles and expressions.
  const policyHeader = [...psql.sections.keys()].find((k) => k.startsWith('Policies'));
  const rowSecurity = detail.rowSecurity.forced ? 'forced row security enabled' : detail.rowSecurity.enabled ? 'row security enabled' : 'row security disabled';
  if (policyHeader) {
    expect(policyHeader.replace(/^Policies ?\(?|\)$/g, '') || (detail.rowSecurity.enabled ? '' : 'row security disabled')).toBe(policyHeader === 'Policies' ? '' : rowSecurity);
    const items = section(policyHeader).filter((item) => item !== '(none)');
    expect(items).toHaveLength(detail.policies.length);
    for (const item of items) {
      const [first = '', ...more] = item.split('\n');
      const [name, flags] = namedItem(first.replace(/^POLICY /, ''));
      const policy = detail.policies.find((p) => p.name === name);
      expect(policy, name).toBeDefined();
      if (!policy) continue;
      const expected = [policy.permissive ? '' : ' AS RESTRICTIVE', policy.command === 'ALL' ? '' : ` FOR ${policy.command}`].join('').trim();
      expect(flags.trim(), name).toBe(expected);
      const lines = [policy.roles.length ? `TO ${policy.roles.join(',')}` : '', policy.using === null ? '' : `USING (${policy.using})`, policy.withCheck === null ? '' : `WITH CHECK (${policy.withCheck})`].filter(Boolean);
      expect(more, name).toEqual(lines);
    }
  } else {
    expect(detail.policies).toEqual([]);
    expect(detail.rowSecurity.enabled).toBe(false);
  }
  // Triggers, per enabled state.
  const triggers = Object.entries(triggerSections).flatMap(([title, state]) => section(title).map((line) => ({ line, state })));
  expect(triggers).toHaveLength(detail.triggers.length);
  for (const { line, state } of triggers) {
    const name = line.slice(0, line.indexOf(' '));
    const trigger = detail.triggers.find((t) => t.name === name);
    expect(trigger, line).toBeDefined();
    expect(trigger?.enabled).toBe(state);
    const inheritedFrom = /, ON TABLE (\S+)$/.exec(line);
    expect(trigger?.inherited, line).toBe(Boolean(inheritedFrom));
    expect(trigger?.definition).toBe(`CREATE TRIGGER ${line.replace(/, ON TABLE \S+$/, '')}`);
  }
  expect(section('Publications')).toEqual(detail.publications.map((p) => `"${p}"`));
  expect(section('Statistics objects')).toEqual(detail.statistics.map((st) => st.definition.replace(/^CREATE STATISTICS \S+/, `"${st.schema}.${st.name}"`)));
  for (const [title, state] of [['Rules', 'O'], ['Disabled rules', 'D'], ['Rules firing always', 'A'], ['Rules firing on replica only', 'R']] as const) {
    const rules = detail.rules.filter((r) => r.enabled === state).map((r) => `    ${r.definition.replace(/^CREATE RULE /, '').replace(/;$/, '')}`);
    expect(section(title).join('\n'), title).toBe(rules.join('\n'));
  }
  if (detail.viewDefinition !== null) expect(section('View definition').join('\n')).toBe(detail.viewDefinition.replace(/\n$/, ''));
  for (const key of psql.sections.keys()) expect(seen.has(key) || key === policyHeader, `psql section "${key}" is checked`).toBe(true);

  const values = new Map(psql.values);
  const take = (key: string) => {
    const value = values.get(key);
    values.delete(key);
    return value;
  };
  expect(take('Access method')?.[0] ?? null).toBe(detail.accessMethod);
  expect(take('Options')?.[0] ?? '').toBe(detail.options.join(', '));
  expect(take('Partition key')?.[0] ?? null).toBe(detail.partitionKey);
  const replicaIdentity = take('Replica Identity')?.[0];
  // psql says it for tables and materialized views when it is FULL or NOTHING (a view's is always NOTHING).
  if (detail.kind !== 'view') expect(replicaIdentity ?? 'DEFAULT').toBe(detail.replicaIdentity === 'index' || detail.replicaIdentity === 'default' ? 'DEFAULT' : detail.replicaIdentity.toUpperCase());
  const partitionOf = take('Partition of')?.[0];
  expect(partitionOf ?? null).toBe(detail.partitionOf ? `${qualified(detail.partitionOf.schema, detail.partitionOf.name)} ${detail.partitionOf.bound}` : null);
  // Shown for a partition; derived from the bound, not a catalog fact of its own.
  if (detail.partitionOf) expect(take('Partition constraint')).toBeDefined();
  expect(listed(take('Partitions'))).toEqual(detail.partitions.map((p) => `${qualified(p.schema, p.name)} ${p.bound}${p.kind === 'partitioned table' ? ', PARTITIONED' : ''}`));
  expect(listed(take('Inherits'))).toEqual(detail.inherits.map((p) => qualified(p.schema, p.name)));
  expect(listed(take('Child tables'))).toEqual(detail.inheritedBy.map((p) => qualified(p.schema, p.name)));
  expect([...values.keys()], 'every value psql shows is checked').toEqual([]);
}

describe('readTableDetail: everything psql \\d+ shows', () => {
  let db: TestDatabase;
  let project: ProjectFixture;
  let client: pg.Client;
  const target = () => ({ connectionString: db.url });

  beforeAll(async () => {
    db = await createTestDatabase();
    project = await makeProject({}, { copySample: true });
    const applied = await runMigrations({ connectionString: db.url }, project.settings, { direction: 'up' });
    expect(applied.success).toBe(true);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(paritySchemaSql);
  });
  afterAll(async () => {
    await client?.end();
    await project?.cleanup();
    await db?.drop();
  });

  it.each([...parityRelations.map((name) => `parity.${name}`), 'public.user_preferences', 'public.users'])('%s matches psql line for line', async (relation) => {
    const [schema = '', name = ''] = relation.split('.');
    const detail = await readTableDetail(client, schema, name);
    expectParity(await psqlDescribe(target(), relation), detail);
    expect(detail.queryCount).toBeLessThanOrEqual(10);
  });

  it('lists every constraint the seed\'s pg_constraint query lists for user_preferences, readable', async () => {
    const seed = await client.query<{ conname: string; contype: string }>("SELECT conname, contype FROM pg_constraint WHERE conrelid = 'user_preferences'::regclass");
    expect(seed.rows.length).toBeGreaterThan(0);
    const detail = await readTableDetail(client, 'public', 'user_preferences');
    expect(detail.constraints.map((k) => ({ conname: k.name, contype: k.contype })).sort((a, b) => a.conname.localeCompare(b.conname))).toEqual(
      seed.rows.sort((a, b) => a.conname.localeCompare(b.conname)),
    );
    expect(detail.constraints.every((k) => !/^[a-z]$/.test(k.type))).toBe(true);
  });

  it('says which table is missing, with a hint, instead of an empty result', async () => {
    await expect(readTableDetail(client, 'public', 'no_such_table')).rejects.toMatchObject({ code: 'not-found', hint: expect.stringContaining('Refresh') });
  });
});
