import { useMemo, useRef, useState } from 'react';
import { ActionIcon, Group, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconCopy, IconSearch, IconX } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { copyWithNotice } from './copyText';
import { schemaKey, visibleTreeRows, type TreeObject, type TreeRow, type TreeSchema } from './schemaTreeRows';
import classes from './SchemaTree.module.css';

interface SchemaTreeProps {
  schemas: TreeSchema[];
  /** The table on screen, highlighted. */
  selected: { schema: string; name: string } | null;
  onOpen(object: TreeObject): void;
}

const rowHeight = 30;

/** Schemas → kinds → objects, filtered in memory and virtualized: thousands of tables stay instant. */
export function SchemaTree({ schemas, selected, onOpen }: SchemaTreeProps) {
  const [filter, setFilter] = useState('');
  // The first schema starts open: most projects live in `public`.
  const [expanded, setExpanded] = useState<Set<string>>(() => initialExpansion(schemas));
  const rows = useMemo(() => visibleTreeRows(schemas, expanded, filter), [schemas, expanded, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual under plain React (no compiler), as the timeline does.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 20, getItemKey: (i) => rows[i]?.key ?? i });

  const toggle = (key: string) => setExpanded((current) => {
    const next = new Set(current);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  });

  return (
    <div className={classes.tree}>
      <TextInput
        size="xs"
        m="xs"
        placeholder="Filter tables, views, functions…"
        aria-label="Filter schema objects"
        leftSection={<IconSearch size={14} />}
        rightSection={filter ? <ActionIcon size="sm" variant="subtle" aria-label="Clear the filter" onClick={() => setFilter('')}><IconX size={14} /></ActionIcon> : null}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        data-testid="schema-filter"
      />
      {rows.length === 0 && <Text size="sm" c="dimmed" px="sm" data-testid="schema-filter-empty">{filter ? `Nothing matches “${filter}”.` : 'No schemas.'}</Text>}
      <div ref={scrollRef} className={classes.scroll} data-testid="schema-tree">
        {/* A list of buttons, not an ARIA tree: each row also holds a copy button, which a treeitem may not contain. */}
        <div role="list" aria-label="Schema objects" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div key={item.key} role="listitem" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}>
                <TreeRowView row={row} selected={selected} onToggle={toggle} onOpen={onOpen} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function initialExpansion(schemas: TreeSchema[]): Set<string> {
  const first = schemas.find((s) => s.name === 'public') ?? schemas[0];
  if (!first) return new Set();
  return new Set([schemaKey(first.name), ...first.groups.slice(0, 1).map((g) => `g:${first.name}:${g.kind}`)]);
}

function TreeRowView({ row, selected, onToggle, onOpen }: { row: TreeRow; selected: SchemaTreeProps['selected']; onToggle(key: string): void; onOpen(object: TreeObject): void }) {
  if (row.type !== 'object') {
    const Chevron = row.expanded ? IconChevronDown : IconChevronRight;
    return (
      <UnstyledButton className={classes.row} style={{ paddingLeft: 6 + row.depth * 14 }} onClick={() => onToggle(row.key)}
        aria-expanded={row.expanded} data-testid={`schema-tree-${row.type}`}>
        <Chevron size={14} aria-hidden />
        <Text size="sm" fw={row.type === 'schema' ? 600 : 500} truncate="end" style={{ flex: 1, minWidth: 0 }}>{row.label}</Text>
        <Text size="xs" c="dimmed">{row.count}</Text>
      </UnstyledButton>
    );
  }
  const { object } = row;
  const isSelected = selected?.schema === object.schema && selected.name === object.name;
  return (
    <Group gap={0} wrap="nowrap" className={classes.objectRow} data-selected={isSelected || undefined}>
      <UnstyledButton className={classes.row} style={{ paddingLeft: 6 + row.depth * 14 + 14, flex: 1, minWidth: 0 }}
        onClick={() => object.openable && onOpen(object)} disabled={!object.openable}
        aria-current={isSelected ? 'page' : undefined} aria-label={`${object.schema}.${object.name}`} data-testid="schema-tree-object" data-name={object.name}>
        {/* The name keeps most of the room; the note gives way first. */}
        <Text size="sm" ff="monospace" truncate="end" style={{ flex: '1 1 auto', minWidth: '55%' }} title={`${object.schema}.${object.name}`}>{object.name}</Text>
        {object.note && <Text size="xs" c="dimmed" truncate="end" style={{ flex: '0 1 auto', minWidth: 0 }} title={object.note}>{object.note}</Text>}
      </UnstyledButton>
      <Tooltip label="Copy the qualified name" openDelay={400}>
        <ActionIcon size="sm" variant="subtle" color="gray" className={classes.copy} aria-label={`Copy ${object.schema}.${object.name}`}
          onClick={() => void copyWithNotice(qualifiedName(object.schema, object.name), 'the name')}>
          <IconCopy size={13} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** schema.name, each part quoted when PostgreSQL would need it. */
export function qualifiedName(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

function quoteIdent(identifier: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(identifier) ? identifier : `"${identifier.replaceAll('"', '""')}"`;
}
