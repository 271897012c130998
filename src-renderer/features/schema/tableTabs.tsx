import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { TableDetail } from '../../../src-main/contract';
import { DetailTable, maybe } from './DetailTable';
import { prettySize, triggerEnabledText } from './formatCatalog';
import { TableLink } from './TableLink';

type Tab = { detail: TableDetail };

function Flag({ on, children, color = 'gray' }: { on: boolean; children: string; color?: string }) {
  return on ? <Badge size="xs" variant="light" color={color}>{children}</Badge> : null;
}

function columnDefault(column: TableDetail['columns'][number]): string | null {
  if (column.identity) return `generated ${column.identity} as identity`;
  if (column.generated) return `generated always as (${column.default ?? ''}) stored`;
  return column.default;
}

/** Every field psql's `\d+` prints per column, in its order. */
export function ColumnsTab({ detail }: Tab) {
  return (
    <DetailTable testId="table-columns" rows={detail.columns} rowKey={(c) => c.name} empty="No columns." columns={[
      { header: 'Column', code: true, cell: (c) => <Text span fw={600} size="sm" ff="monospace">{c.name}</Text> },
      { header: 'Type', code: true, cell: (c) => c.type },
      { header: 'Collation', code: true, cell: (c) => maybe(c.collation) },
      { header: 'Nullable', cell: (c) => (c.nullable ? maybe(null) : 'not null') },
      { header: 'Default', code: true, cell: (c) => maybe(columnDefault(c)) },
      { header: 'Storage', cell: (c) => c.storage },
      { header: 'Compression', cell: (c) => maybe(c.compression) },
      { header: 'Stats target', cell: (c) => maybe(c.statsTarget) },
      { header: 'Description', cell: (c) => maybe(c.description) },
    ]} />
  );
}

export function IndexesTab({ detail }: Tab) {
  return (
    <DetailTable testId="table-indexes" rows={detail.indexes} rowKey={(i) => i.name} empty="No indexes." columns={[
      { header: 'Index', code: true, cell: (i) => <Text span fw={600} size="sm" ff="monospace">{i.name}</Text> },
      { header: '', cell: (i) => (
        <Group gap={4}>
          <Flag on={i.primary} color="yellow">primary key</Flag>
          <Flag on={i.unique && !i.primary} color="blue">unique</Flag>
          <Flag on={!i.valid} color="red">invalid</Flag>
          <Flag on={i.clustered}>clustered</Flag>
          <Flag on={i.replicaIdentity}>replica identity</Flag>
        </Group>
      ) },
      { header: 'Definition', code: true, cell: (i) => i.definition },
      { header: 'Size', cell: (i) => prettySize(i.sizeBytes), width: 90 },
      { header: 'Backs constraint', code: true, cell: (i) => maybe(i.constraint) },
      { header: 'Comment', cell: (i) => maybe(i.comment) },
    ]} />
  );
}

/** The seed's `SELECT conname, contype FROM pg_constraint` rows, readable. */
export function ConstraintsTab({ detail }: Tab) {
  return (
    <DetailTable testId="table-constraints" rows={detail.constraints} rowKey={(c) => c.name} empty="No constraints." columns={[
      { header: 'Constraint', code: true, cell: (c) => <Text span fw={600} size="sm" ff="monospace">{c.name}</Text> },
      { header: 'Type', cell: (c) => <Group gap={4} wrap="nowrap"><Badge size="sm" variant="light" title={`contype ${c.contype}`}>{c.type}</Badge></Group>, width: 150 },
      { header: 'Definition', code: true, cell: (c) => c.definition },
      { header: '', cell: (c) => (
        <Group gap={4}>
          <Flag on={c.deferrable}>{c.deferred ? 'deferrable, initially deferred' : 'deferrable'}</Flag>
          <Flag on={!c.validated} color="orange">not valid</Flag>
          <Flag on={!c.local}>inherited</Flag>
        </Group>
      ) },
      { header: 'Comment', cell: (c) => maybe(c.comment) },
    ]} />
  );
}

export function ForeignKeysTab({ detail }: Tab) {
  return (
    <Stack gap="lg">
      <div>
        <Title order={4} size="h6" mb={4}>Foreign keys of this table</Title>
        <DetailTable testId="table-foreign-keys" rows={detail.foreignKeys} rowKey={(f) => f.name} empty="This table references no other table." columns={[
          { header: 'Name', code: true, cell: (f) => f.name },
          { header: 'Columns', code: true, cell: (f) => f.columns.join(', ') },
          { header: 'References', cell: (f) => <Group gap={4} wrap="nowrap"><TableLink schema={f.referencedSchema} name={f.referencedTable} from={detail.schema} /><Text span size="sm" ff="monospace">{`(${f.referencedColumns.join(', ')})`}</Text></Group> },
          { header: 'On update', cell: (f) => f.onUpdate },
          { header: 'On delete', cell: (f) => f.onDelete },
          { header: '', cell: (f) => <Group gap={4}><Flag on={f.deferrable}>{f.deferred ? 'deferrable, initially deferred' : 'deferrable'}</Flag><Flag on={!f.validated} color="orange">not valid</Flag></Group> },
        ]} />
      </div>
      <div>
        <Title order={4} size="h6" mb={4}>Referenced by</Title>
        <DetailTable testId="table-referenced-by" rows={detail.referencedBy} rowKey={(r) => `${r.schema}.${r.table}.${r.name}`} empty="No foreign key points at this table." columns={[
          { header: 'Table', cell: (r) => <TableLink schema={r.schema} name={r.table} from={detail.schema} /> },
          { header: 'Name', code: true, cell: (r) => r.name },
          { header: 'Definition', code: true, cell: (r) => r.definition },
        ]} />
      </div>
    </Stack>
  );
}

export function TriggersTab({ detail }: Tab) {
  return (
    <DetailTable testId="table-triggers" rows={detail.triggers} rowKey={(t) => t.name} empty="No triggers." columns={[
      { header: 'Trigger', code: true, cell: (t) => <Text span fw={600} size="sm" ff="monospace">{t.name}</Text> },
      { header: 'Definition', code: true, cell: (t) => t.definition },
      { header: 'State', cell: (t) => <Group gap={4}><Badge size="xs" variant="light" color={t.enabled === 'D' ? 'red' : 'teal'}>{triggerEnabledText[t.enabled]}</Badge><Flag on={t.inherited}>from parent</Flag></Group> },
      { header: 'Comment', cell: (t) => maybe(t.comment) },
    ]} />
  );
}

export function PoliciesTab({ detail }: Tab) {
  const { enabled, forced } = detail.rowSecurity;
  return (
    <Stack gap="sm">
      <Group gap="xs" data-testid="row-security">
        <Text size="sm">Row security:</Text>
        <Badge variant="light" color={enabled ? 'teal' : 'gray'}>{enabled ? 'enabled' : 'disabled'}</Badge>
        {forced && <Badge variant="light" color="orange">forced (applies to the owner too)</Badge>}
        {!enabled && detail.policies.length > 0 && <Text size="sm" c="orange">These policies have no effect until row security is enabled.</Text>}
      </Group>
      <DetailTable testId="table-policies" rows={detail.policies} rowKey={(p) => p.name} empty="No policies." columns={[
        { header: 'Policy', code: true, cell: (p) => <Text span fw={600} size="sm" ff="monospace">{p.name}</Text> },
        { header: 'Command', cell: (p) => p.command },
        { header: 'Kind', cell: (p) => (p.permissive ? 'permissive' : 'restrictive') },
        { header: 'Roles', cell: (p) => (p.roles.length ? p.roles.join(', ') : 'PUBLIC') },
        { header: 'USING', code: true, cell: (p) => maybe(p.using) },
        { header: 'WITH CHECK', code: true, cell: (p) => maybe(p.withCheck) },
      ]} />
    </Stack>
  );
}

export function PartitionsTab({ detail }: Tab) {
  return (
    <Stack gap="md">
      {detail.partitionKey && <Text size="sm">{'Partition key: '}<Text span ff="monospace">{detail.partitionKey}</Text></Text>}
      {detail.partitionOf && (
        <Group gap={6}><Text size="sm">Partition of</Text><TableLink {...detail.partitionOf} from={detail.schema} /><Text size="sm" ff="monospace">{detail.partitionOf.bound}</Text></Group>
      )}
      {(detail.partitionKey || detail.partitions.length > 0) && (
        <DetailTable testId="table-partitions" rows={detail.partitions} rowKey={(p) => `${p.schema}.${p.name}`} empty="No partitions yet." columns={[
          { header: 'Partition', cell: (p) => <TableLink schema={p.schema} name={p.name} from={detail.schema} /> },
          { header: 'Bound', code: true, cell: (p) => p.bound },
          { header: 'Kind', cell: (p) => p.kind },
        ]} />
      )}
      <RelationList title="Inherits from" relations={detail.inherits} from={detail.schema} />
      <RelationList title="Inherited by" relations={detail.inheritedBy} from={detail.schema} />
      {!detail.partitionKey && !detail.partitionOf && detail.inherits.length === 0 && detail.inheritedBy.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="table-partitions-empty">Not partitioned, not a partition, no inheritance.</Text>
      )}
    </Stack>
  );
}

function RelationList({ title, relations, from }: { title: string; relations: { schema: string; name: string }[]; from: string }) {
  if (relations.length === 0) return null;
  return (
    <Group gap={6}>
      <Text size="sm">{`${title}:`}</Text>
      {relations.map((r) => <TableLink key={`${r.schema}.${r.name}`} schema={r.schema} name={r.name} from={from} />)}
    </Group>
  );
}

export function PublicationsTab({ detail }: Tab) {
  if (detail.publications.length === 0) return <Text size="sm" c="dimmed" data-testid="table-publications-empty">In no publication.</Text>;
  return (
    <Group gap={6} data-testid="table-publications">
      {detail.publications.map((p) => <Badge key={p} variant="outline" ff="monospace">{p}</Badge>)}
    </Group>
  );
}
