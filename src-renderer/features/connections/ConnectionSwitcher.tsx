import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconSettings } from '@tabler/icons-react';
import type { ConnectionList, ConnectionSummary } from '../../../src-main/contract';
import { ConnectionLabel, connectionAddress } from './ConnectionLabel';
import { useConnectionMutations } from './useConnectionMutations';

/** The header's connection picker: the current one with its color and PRODUCTION badge, the others a click away. */
export function ConnectionSwitcher({ list, current, onManage }: { list: ConnectionList | undefined; current: ConnectionSummary | null; onManage(): void }) {
  const { select } = useConnectionMutations();
  return (
    <Menu position="bottom-end" width={360} shadow="md">
      <Menu.Target>
        <Button variant="default" rightSection={<IconChevronDown size={14} />} loading={select.isPending} data-testid="connection-switcher"
          aria-label={current ? `Connection: ${current.name}${current.environment === 'production' ? ' (production)' : ''}` : 'Connection'}>
          {/* Narrow: the header names the database in full beside it, so the profile name may give way. */}
          {current ? <ConnectionLabel connection={current} nameWidth={150} /> : <Text size="sm">Default connection</Text>}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Connections</Menu.Label>
        {list?.connections.map((c) => (
          <Menu.Item key={c.id} onClick={() => c.id !== list.currentId && select.mutate(c.id)} aria-current={c.id === list.currentId || undefined}>
            <ConnectionLabel connection={c} withEnvironment />
            <Text size="xs" c="dimmed" ff="monospace">{connectionAddress(c)}</Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconSettings size={14} />} onClick={onManage}>Manage connections…</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
