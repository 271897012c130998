import { Alert, List, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { StatementLock } from '../../../src-main/contract';

const strength = ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'];

/** 2_100_000 -> "2.1 M rows" */
function rowsLabel(rows: number | null): string {
  if (rows === null) return 'size unknown (never analyzed)';
  if (rows >= 1_000_000) return `${(rows / 1_000_000).toFixed(1)} M rows`;
  if (rows >= 1_000) return `${(rows / 1_000).toFixed(1)} k rows`;
  return `${rows} row${rows === 1 ? '' : 's'}`;
}

function bytesLabel(bytes: number | null): string | null {
  if (bytes === null) return null;
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** The strongest lock per table: the run holds every lock it took until it commits. */
function strongestPerTable(locks: StatementLock[]): StatementLock[] {
  const byTable = new Map<string, StatementLock>();
  for (const lock of locks) {
    const seen = byTable.get(lock.table);
    if (!seen || strength.indexOf(lock.mode) > strength.indexOf(seen.mode)) byTable.set(lock.table, lock);
  }
  return [...byTable.values()].sort((a, b) => strength.indexOf(b.mode) - strength.indexOf(a.mode));
}

/** Before the run: which tables it will lock, how hard, and how big and busy they are now. */
export function RehearsalLocks({ locks }: { locks: StatementLock[] }) {
  const tables = strongestPerTable(locks).filter((l) => l.mode !== 'ROW EXCLUSIVE');
  if (tables.length === 0) return null;
  const blocksReads = tables.some((l) => l.blocks === 'reads and writes');
  return (
    <Alert color={blocksReads ? 'orange' : 'yellow'} variant="light" icon={<IconLock size={18} />} title="Locks this run will take" data-testid="rehearsal-locks">
      <List size="sm" spacing={4}>
        {tables.map((lock) => {
          const size = bytesLabel(lock.totalBytes);
          const sessions = lock.activeSessions === null ? '' : `, ${lock.activeSessions} active session${lock.activeSessions === 1 ? '' : 's'}`;
          return (
            <List.Item key={lock.table} data-testid={`rehearsal-lock-${lock.table}`}>
              This will lock <Text span ff="monospace" fw={600}>{lock.table}</Text> ({rowsLabel(lock.estimatedRows)}{size ? `, ${size}` : ''}{sessions}) in{' '}
              <Text span fw={600}>{lock.mode}</Text> mode ({lock.kind}) for the whole migration: it blocks the application&apos;s {lock.blocks}.
            </List.Item>
          );
        })}
      </List>
      <Text size="xs" mt="xs">
        The run holds each lock until it commits. Set a lock timeout so it gives up instead of queueing the application behind it, run it in a quieter moment, or use CREATE INDEX CONCURRENTLY and NOT VALID constraints.
      </Text>
    </Alert>
  );
}
