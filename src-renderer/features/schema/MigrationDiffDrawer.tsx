import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Code, Collapse, Drawer, Group, List, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconGitCompare } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { MigrationSchemaDiff } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { FailureDetails } from '../timeline/FailureDetails';
import { formatValue, groupDiff, type ChangeKind, type DiffGroup, type DiffItem } from './diffModel';
import { useMigrationSchemaDiff } from './schemaQueries';
import { schemaTablePath } from './schemaRoutes';
import classes from './MigrationDiffDrawer.module.css';

export interface MigrationDiffRequest {
  migration: string;
  /** up: a pending migration's preview; down: what an applied one's down would change. */
  direction: 'up' | 'down';
}

const changeColor: Record<ChangeKind, string> = { added: 'green', removed: 'red', altered: 'yellow' };
const changeMark: Record<ChangeKind, string> = { added: '+', removed: '−', altered: '~' };

export function migrationDiffTitle({ migration, direction }: MigrationDiffRequest): string {
  return direction === 'up' ? `Schema change of ${migration}` : `What the down of ${migration} would change`;
}

/** The schema difference one migration's up (or down) would make, rehearsed in a rolled-back transaction. */
export function MigrationDiffDrawer({ connectionId, request, onClose }: { connectionId: string | null; request: MigrationDiffRequest | null; onClose(): void }) {
  const diff = useMigrationSchemaDiff(connectionId, request?.migration ?? null);
  return (
    <Drawer opened={request !== null} onClose={onClose} position="right" size="xl" title={<Group gap="xs" wrap="nowrap"><IconGitCompare size={18} /><Text fw={600} truncate="end">{request ? migrationDiffTitle(request) : ''}</Text></Group>}>
      <Stack gap="md" data-testid="migration-diff">
        <Text size="sm" c="dimmed">
          {request?.direction === 'down'
            ? 'Its down step is rehearsed inside a transaction that is rolled back, with the schema read before and after it: nothing is reverted.'
            : 'Its up step is rehearsed inside a transaction that is rolled back, with the schema read before and after it: nothing is applied.'}
        </Text>
        {diff.isFetching && (
          <Group gap="xs" data-testid="migration-diff-loading">
            <Loader size="sm" />
            <Text size="sm">Rehearsing…</Text>
          </Group>
        )}
        {diff.isError && <ErrorAlert error={diff.error} testId="migration-diff-error" />}
        {diff.data && !diff.isFetching && <DiffResult result={diff.data} onNavigate={onClose} />}
      </Stack>
    </Drawer>
  );
}

function DiffResult({ result, onNavigate }: { result: MigrationSchemaDiff; onNavigate(): void }) {
  const groups = groupDiff(result.diff);
  const { summary } = result;
  return (
    <>
      {result.alsoIncluded.length > 0 && (
        <Alert color="blue" variant="light" title={`Rehearsed after ${result.alsoIncluded.length} other migration${result.alsoIncluded.length === 1 ? '' : 's'}`}>
          <Text size="sm">{`${result.direction === 'up' ? 'These pending ones run before it' : 'These applied ones are reverted before it'}; the diff below is ${result.migration}'s alone:`}</Text>
          <List size="sm" ff="monospace">{result.alsoIncluded.map((name) => <List.Item key={name}>{name}</List.Item>)}</List>
        </Alert>
      )}
      {result.failure ? (
        <>
          <Badge color="red" size="lg">Would fail</Badge>
          <FailureDetails failure={result.failure} rehearsal />
        </>
      ) : (
        <Group gap="xs" data-testid="migration-diff-counts">
          <Badge color="green" variant="light">{`${summary.added.length} added`}</Badge>
          <Badge color="red" variant="light">{`${summary.removed.length} removed`}</Badge>
          <Badge color="yellow" variant="light" c="yellow.9">{`${summary.altered.length} altered`}</Badge>
          <Text size="sm" c="dimmed">{result.message}</Text>
        </Group>
      )}
      {!result.failure && groups.length === 0 && <Text size="sm" data-testid="migration-diff-none">No schema change: this migration only changes data (or nothing).</Text>}
      {groups.map((group) => <GroupCard key={group.key} group={group} onNavigate={onNavigate} />)}
      <Statements statements={result.statements} />
    </>
  );
}

function GroupCard({ group, onNavigate }: { group: DiffGroup; onNavigate(): void }) {
  const relation = group.relation;
  // Objects outside tables are a list, not one change: no colour of their own.
  const color = relation ? changeColor[group.change] : 'gray';
  return (
    <Paper withBorder p="sm" radius="sm" style={{ borderLeft: `4px solid var(--mantine-color-${color}-filled)` }} data-testid="diff-group" data-change={group.change} data-relation={relation ? `${relation.schema}.${relation.name}` : ''}>
      <Group gap="xs" mb={group.items.length ? 6 : 0}>
        <Badge color={color} variant="light" c={relation && group.change === 'altered' ? 'yellow.9' : undefined}>{relation ? `${relation.kind} ${group.change}` : 'other objects'}</Badge>
        {relation && (group.change === 'added'
          // A table the change would create does not exist yet: nothing to open.
          ? <Text ff="monospace" fw={600} size="sm">{`${relation.schema}.${relation.name}`}</Text>
          : <Anchor component={Link} to={schemaTablePath(relation.schema, relation.name)} onClick={onNavigate} ff="monospace" fw={600} size="sm" data-testid="diff-table-link">{`${relation.schema}.${relation.name}`}</Anchor>)}
      </Group>
      <div className={classes.items}>
        {group.items.map((item) => <ItemLine key={`${item.change}:${item.kind}:${item.name}`} item={item} />)}
      </div>
    </Paper>
  );
}

function ItemLine({ item }: { item: DiffItem }) {
  const color = changeColor[item.change];
  return (
    <div className={classes.item} data-testid="diff-item" data-change={item.change}>
      <Text span ff="monospace" fw={700} c={`${color}.8`} aria-label={item.change}>{changeMark[item.change]}</Text>
      <Text span size="sm" c="dimmed">{item.kind}</Text>
      <Text span size="sm" ff="monospace" fw={600} truncate="end" title={item.name} className={classes.name}>{item.name}</Text>
      <Text span size="sm" ff="monospace" c="dimmed" className={classes.detail}>{item.detail ?? ''}</Text>
      {item.changes.map((change) => (
        <div key={change.property} className={classes.property} data-testid="diff-property">
          <Text span size="xs" c="dimmed">{change.property.replace(/_/g, ' ')}</Text>
          <Text span size="xs" ff="monospace" c="red.8" td="line-through" className={classes.detail}>{formatValue(change.before)}</Text>
          <Text span size="xs" aria-label="becomes">→</Text>
          <Text span size="xs" ff="monospace" c="green.8" className={classes.detail}>{formatValue(change.after)}</Text>
        </div>
      ))}
    </div>
  );
}

function Statements({ statements }: { statements: string[] }) {
  const [open, setOpen] = useState(false);
  const Chevron = open ? IconChevronDown : IconChevronRight;
  return (
    <div>
      <Button variant="subtle" size="xs" px={0} leftSection={<Chevron size={14} />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {`SQL the rehearsal executed (${statements.length} statements)`}
      </Button>
      <Collapse expanded={open}>
        <Code block mt="xs" data-testid="migration-diff-sql" style={{ whiteSpace: 'pre-wrap' }}>
          {statements.length > 0 ? statements.map((s) => s.trim().replace(/;?$/, ';')).join('\n\n') : '-- no statements'}
        </Code>
      </Collapse>
    </div>
  );
}
