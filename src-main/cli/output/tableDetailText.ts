import type { TableColumn, TableDetail } from '../../contract';
import type { Style } from '../terminal';

// `pgm-studio inspect`: one table as psql's \d+ lays it out, for a terminal.

function columnDefault(column: TableColumn): string {
  if (column.identity) return `generated ${column.identity} as identity`;
  if (column.generated) return `generated always as (${column.default ?? ''}) stored`;
  return column.default ?? '';
}

/** Rows under a header, columns padded to their widest cell, psql's ` | ` between them. */
function grid(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => ` ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')}`.trimEnd();
  return [line(headers), `-${widths.map((w) => '-'.repeat(w)).join('-+-')}-`, ...rows.map(line)];
}

const kindTitles: Record<TableDetail['kind'], string> = {
  table: 'Table',
  'partitioned table': 'Partitioned table',
  'foreign table': 'Foreign table',
  view: 'View',
  'materialized view': 'Materialized view',
};

const formatBytes = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : bytes < 1024 ** 2 ? `${Math.round(bytes / 1024)} kB` : `${Math.round(bytes / 1024 ** 2)} MB`);

export function formatTableDetail(detail: TableDetail, style: Style, options: { ddl?: boolean } = {}): string[] {
  const qualified = `${detail.schema}.${detail.name}`;
  const lines = [style.bold(`${detail.persistence === 'unlogged' ? 'Unlogged ' : ''}${kindTitles[detail.kind]} "${qualified}"`) + (detail.description ? style.dim(`  ${detail.description}`) : '')];
  lines.push(
    ...grid(
      ['Column', 'Type', 'Collation', 'Nullable', 'Default', 'Storage', 'Compression', 'Stats target', 'Description'],
      detail.columns.map((c) => [c.name, c.type, c.collation ?? '', c.nullable ? '' : 'not null', columnDefault(c), c.storage, c.compression ?? '', c.statsTarget === null ? '' : String(c.statsTarget), c.description ?? '']),
    ),
  );
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push(`${title}:`, ...items.map((item) => `    ${item}`));
  };
  if (detail.partitionKey) lines.push(`Partition key: ${detail.partitionKey}`);
  if (detail.partitionOf) lines.push(`Partition of: ${detail.partitionOf.schema}.${detail.partitionOf.name} ${detail.partitionOf.bound}`);
  section('Indexes', detail.indexes.map((i) => `"${i.name}" ${i.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+ USING /, '')}${i.primary ? ' PRIMARY KEY' : i.unique ? ' UNIQUE' : ''}${i.valid ? '' : ' INVALID'}${i.comment ? style.dim(`  -- ${i.comment}`) : ''}  ${style.dim(formatBytes(i.sizeBytes))}`));
  section('Constraints', detail.constraints.filter((k) => k.contype !== 'f').map((k) => `"${k.name}" ${style.dim(`${k.type}:`)} ${k.definition}`));
  section('Foreign-key constraints', detail.foreignKeys.map((k) => `"${k.name}" ${k.definition}`));
  section('Referenced by', detail.referencedBy.map((r) => `TABLE "${r.schema}.${r.table}" CONSTRAINT "${r.name}" ${r.definition}`));
  const security = detail.rowSecurity.forced ? ' (forced row security enabled)' : detail.rowSecurity.enabled ? ' (row security enabled)' : '';
  section(`Policies${security}`, detail.policies.map((p) => [`POLICY "${p.name}"${p.permissive ? '' : ' AS RESTRICTIVE'} FOR ${p.command} TO ${p.roles.join(', ') || 'PUBLIC'}`, p.using === null ? '' : ` USING (${p.using})`, p.withCheck === null ? '' : ` WITH CHECK (${p.withCheck})`].join('')));
  section('Triggers', detail.triggers.map((t) => `${t.definition.replace(/^CREATE (CONSTRAINT )?TRIGGER /, '')}${t.enabled === 'D' ? style.dim(' (disabled)') : ''}`));
  section('Publications', detail.publications.map((p) => `"${p}"`));
  section('Statistics objects', detail.statistics.map((st) => st.definition.replace(/^CREATE STATISTICS /, '')));
  section('Rules', detail.rules.map((r) => `${r.definition.replace(/^CREATE RULE /, '').replace(/\s*\n\s*/g, ' ')}${r.enabled === 'D' ? style.dim(' (disabled)') : ''}`));
  section('Partitions', detail.partitions.map((p) => `${p.schema}.${p.name} ${p.bound}`));
  section('Inherits', detail.inherits.map((p) => `${p.schema}.${p.name}`));
  section('Child tables', detail.inheritedBy.map((p) => `${p.schema}.${p.name}`));
  if (detail.accessMethod) lines.push(`Access method: ${detail.accessMethod}`);
  if (detail.options.length) lines.push(`Options: ${detail.options.join(', ')}`);
  if (detail.replicaIdentity === 'full' || detail.replicaIdentity === 'nothing') lines.push(`Replica Identity: ${detail.replicaIdentity.toUpperCase()}`);
  if (detail.kind !== 'view') {
    const { sizes } = detail;
    lines.push(style.dim(`Rows (estimate): ${detail.rowEstimate ?? 'unknown (never analyzed)'} · size ${formatBytes(sizes.tableBytes)} table, ${formatBytes(sizes.toastBytes)} TOAST, ${formatBytes(sizes.indexBytes)} indexes, ${formatBytes(sizes.totalBytes)} total`));
  }
  if (options.ddl) lines.push('', detail.ddl);
  return lines;
}
