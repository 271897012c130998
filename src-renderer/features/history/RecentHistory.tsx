import { Anchor, Box, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useCurrentConnection } from '../../lib/queries';
import { studio } from '../../lib/studio';
import { historyKey } from './historyKey';

const resultColor = { success: undefined, failure: 'red', cancelled: 'orange' } as const;

/**
 * The run log's memory: the latest operations on the current database, read from the history, so
 * what happened is still there after a reload or a restart (the live lines above are this window's).
 */
export function RecentHistory() {
  const connections = useCurrentConnection();
  const database = connections.current?.database;
  const recent = useQuery({
    queryKey: [...historyKey, 'recent', database ?? null],
    queryFn: () => studio.history.list({ ...(database ? { database } : {}), limit: 15 }),
    meta: { silent: true },
  });
  if (!recent.data || recent.data.entries.length === 0) return null;
  return (
    <Box data-testid="run-log-history" mt="xs">
      <Text size="xs" fw={600} c="dimmed">
        From the history (<Anchor component={Link} to="/history" size="xs">all of it</Anchor>):
      </Text>
      {recent.data.entries.map((entry) => (
        <Box key={entry.id} ff="monospace" fz="xs" c={resultColor[entry.result]} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {new Date(entry.time).toLocaleString()} {entry.operation}{entry.direction ? ` ${entry.direction}` : ''} {entry.result.toUpperCase()} {entry.message}
          {entry.migrations.length > 0 ? ` (${entry.migrations.join(', ')})` : ''}
        </Box>
      ))}
    </Box>
  );
}
