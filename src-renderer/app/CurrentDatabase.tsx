import { Group, Text, Tooltip } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import type { ConnectionSummary } from '../../src-main/contract';
import { connectionAddress } from '../features/connections/ConnectionLabel';

/** Which database every action goes to: its name and host in full, the whole address on hover. */
export function CurrentDatabase({ connection }: { connection: ConnectionSummary | null }) {
  if (!connection) {
    return <Text size="sm" c="dimmed" data-testid="current-database">Server’s default database</Text>;
  }
  const full = `${connectionAddress(connection)} · SSL ${connection.sslMode}${connection.environment === 'production' ? ' · PRODUCTION' : ''}`;
  return (
    <Tooltip label={full} multiline maw={520} style={{ overflowWrap: 'anywhere' }}>
      <Group gap={4} wrap="nowrap" data-testid="current-database" tabIndex={0} role="group" aria-label={`Current database: ${full}`} style={{ minWidth: 0 }}>
        <IconDatabase size={16} aria-hidden style={{ flexShrink: 0 }} />
        <Text size="sm" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>{connection.database}</Text>
        <Text size="sm" c="dimmed" aria-hidden>@</Text>
        {/* A very long host name gives way first; the tooltip has it whole. */}
        <Text size="sm" ff="monospace" truncate="end" maw={260}>{connection.host}</Text>
      </Group>
    </Tooltip>
  );
}
