import { ActionIcon, Group, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconCommand, IconDatabase, IconFolder } from '@tabler/icons-react';
import type { ConnectionList, ConnectionSummary } from '../../src-main/contract';
import { ConnectionSwitcher } from '../features/connections/ConnectionSwitcher';
import { CurrentDatabase } from './CurrentDatabase';
import { shortcutLabel, shortcuts } from './shortcuts';
import { ThemeToggle } from './ThemeToggle';

interface ShellHeaderProps {
  project: string | undefined;
  list: ConnectionList | undefined;
  current: ConnectionSummary | null;
  onManageConnections(): void;
}

/** App and project on the left; on the right the database every action goes to, the switcher, the palette, the theme. */
export function ShellHeader({ project, list, current, onManageConnections }: ShellHeaderProps) {
  const paletteLabel = `Command palette (${shortcutLabel(shortcuts.palette)})`;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 auto' }}>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          <IconDatabase size={22} color="var(--mantine-primary-color-filled)" aria-hidden />
          {/* Below 992 px the database and the switcher need the room; the name stays for screen readers. */}
          <Title order={1} size="h4" style={{ whiteSpace: 'nowrap' }} visibleFrom="md">PGM Studio</Title>
          <VisuallyHidden hiddenFrom="md"><h1>PGM Studio</h1></VisuallyHidden>
        </Group>
        {project && (
          <Tooltip label={`Migrations folder: ${project}`}>
            <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }} data-testid="project">
              <IconFolder size={16} aria-hidden style={{ flexShrink: 0 }} />
              {/* rtl truncates the start of a long path; the bdi keeps its characters in order. */}
              <Text size="sm" ff="monospace" truncate="start" maw={420}><bdi>{project}</bdi></Text>
            </Group>
          </Tooltip>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        <CurrentDatabase connection={current} />
        <ConnectionSwitcher list={list} current={current} onManage={onManageConnections} />
        <Tooltip label={paletteLabel}>
          <ActionIcon variant="default" size="lg" onClick={() => spotlight.open()} aria-label={paletteLabel} data-testid="open-palette">
            <IconCommand size={18} />
          </ActionIcon>
        </Tooltip>
        <ThemeToggle />
      </Group>
    </Group>
  );
}
