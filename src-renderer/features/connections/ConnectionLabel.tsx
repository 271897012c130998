import { Badge, ColorSwatch, Group, Text } from '@mantine/core';
import type { ConnectionSummary } from '../../../src-main/contract';

export function ProductionBadge() {
  return (
    <Badge color="red" variant="filled" size="sm" data-testid="production-badge">
      Production
    </Badge>
  );
}

/** A connection as the operator recognises it: its color dot, its name, and PRODUCTION when it is. */
export function ConnectionLabel({ connection, withEnvironment = false, nameWidth = 220 }: { connection: ConnectionSummary; withEnvironment?: boolean; nameWidth?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ColorSwatch color={connection.color} size={12} withShadow={false} aria-hidden />
      <Text size="sm" fw={600} truncate="end" maw={nameWidth}>{connection.name}</Text>
      {connection.environment === 'production' ? (
        <ProductionBadge />
      ) : (
        withEnvironment && <Badge size="sm" variant="light" color={connection.environment === 'staging' ? 'yellow' : 'gray'}>{connection.environment}</Badge>
      )}
    </Group>
  );
}

export function connectionAddress(connection: Pick<ConnectionSummary, 'user' | 'host' | 'port' | 'database'>): string {
  return `${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
}
