import { Fragment, useState } from 'react';
import { ActionIcon, Badge, Button, Code, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFileText } from '@tabler/icons-react';
import type { HistoryEntry } from '../../../src-main/contract';
import { RollbackReportModal } from '../rollback/RollbackReportView';
import { absoluteTime } from '../../lib/relativeTime';

const resultColor = { success: 'teal', failure: 'red', cancelled: 'orange' } as const;

function actorLabel(actor: HistoryEntry['actor']): string {
  return actor.kind === 'os-user' ? actor.name : `API token (${actor.role})`;
}

/** One operation, one line; expanded, its SQL log and its specifics. */
export function HistoryEntryRow({ entry }: { entry: HistoryEntry }) {
  const [open, setOpen] = useState(false);
  const Chevron = open ? IconChevronDown : IconChevronRight;
  const detail = Object.entries(entry.detail ?? {});
  const [reportOpen, setReportOpen] = useState(false);
  // A rollback (and a backup skipped for one) names the rollback whose report was saved.
  const rollbackId = (entry.operation === 'rollback' || entry.operation === 'backup-skipped') && typeof entry.detail?.rollbackId === 'string' ? entry.detail.rollbackId : null;
  return (
    <Fragment>
      <Table.Tr data-testid="history-entry" data-operation={entry.operation} data-result={entry.result} data-door={entry.door}>
        <Table.Td w={36}>
          <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} the SQL log of ${entry.operation} at ${entry.time}`}>
            <Chevron size={16} />
          </ActionIcon>
        </Table.Td>
        <Table.Td><Text size="sm">{absoluteTime(entry.time)}</Text></Table.Td>
        <Table.Td>
          <Badge variant="light" color="gray" style={{ overflow: 'visible' }}>{entry.operation}</Badge>
          {entry.direction && <Text size="xs" c="dimmed">{entry.direction === 'up' ? 'up (apply)' : 'down (revert)'}</Text>}
        </Table.Td>
        <Table.Td><Badge variant="outline" color={resultColor[entry.result]}>{entry.result}</Badge></Table.Td>
        <Table.Td><Text size="sm">{entry.door}</Text><Text size="xs" c="dimmed">{actorLabel(entry.actor)}</Text></Table.Td>
        <Table.Td style={{ overflowWrap: 'anywhere' }}><Text size="sm" ff="monospace">{entry.connection}</Text></Table.Td>
        <Table.Td style={{ overflowWrap: 'anywhere' }}>
          <Text size="sm">{entry.message}</Text>
          {entry.migrations.length > 0 && <Text size="xs" c="dimmed" ff="monospace">{entry.migrations.join(', ')}</Text>}
        </Table.Td>
        <Table.Td ta="right"><Text size="sm">{entry.durationMs < 1000 ? `${entry.durationMs} ms` : `${(entry.durationMs / 1000).toFixed(1)} s`}</Text></Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr data-testid="history-entry-detail">
          <Table.Td />
          <Table.Td colSpan={7}>
            <Stack gap="xs">
              {detail.length > 0 && (
                <Text size="xs" c="dimmed">{detail.map(([k, v]) => `${k}: ${String(v)}`).join(' · ')}</Text>
              )}
              {rollbackId && (
                <Button size="compact-xs" variant="light" w="fit-content" leftSection={<IconFileText size={14} />} onClick={() => setReportOpen(true)} data-testid="history-open-report">
                  Read the rollback report
                </Button>
              )}
              <Code block data-testid="history-sql" style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto' }}>
                {entry.sql.length > 0 ? entry.sql.map((s) => s.trim().replace(/;?$/, ';')).join('\n\n') : '-- no SQL for this operation'}
              </Code>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
      {rollbackId && <RollbackReportModal which={reportOpen ? { rollbackId } : null} onClose={() => setReportOpen(false)} />}
    </Fragment>
  );
}
