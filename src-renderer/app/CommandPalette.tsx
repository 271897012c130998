import { Group, Kbd, Text } from '@mantine/core';
import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconLayoutBottombar, IconMoon, IconPlugConnected, IconRefresh, IconSearch, IconSettings } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useConnectionMutations } from '../features/connections/useConnectionMutations';
import { queryKeys, useCurrentConnection, useMigrationStatus } from '../lib/queries';
import { useRunActions } from './run/RunFlowContext';
import { useRunProgress } from './run/RunProgressContext';
import { sections, type PaletteAction } from './sections';
import { shortcutKeys, shortcuts, useKeySequences } from './shortcuts';

function ShortcutKeys({ shortcut }: { shortcut: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      {shortcutKeys(shortcut).map((key, i) => <Kbd key={i} size="xs">{key}</Kbd>)}
    </Group>
  );
}

function toSpotlight(action: PaletteAction) {
  const Icon = action.icon;
  return {
    id: action.id,
    label: action.label,
    description: action.disabledReason ?? action.description,
    keywords: action.keywords,
    disabled: Boolean(action.disabledReason),
    leftSection: Icon ? <Icon size={18} aria-hidden /> : undefined,
    rightSection: action.shortcut ? <ShortcutKeys shortcut={action.shortcut} /> : undefined,
    onClick: action.run,
    'data-testid': `palette-action-${action.id}`,
  };
}

/**
 * The command palette (Ctrl/⌘+K) reaches every action of the shell and of each section, each with
 * its shortcut; the same shortcuts work without opening it.
 */
export function CommandPalette({ onOpenConnections }: { onOpenConnections(): void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const run = useRunActions();
  const { setPanelOpen } = useRunProgress();
  const connections = useCurrentConnection();
  const status = useMigrationStatus(connections.currentId, connections.isSuccess);
  const { select } = useConnectionMutations();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });

  const reloadStatus = () => void queryClient.invalidateQueries({ queryKey: queryKeys.migrations });
  const toggleRunLog = () => setPanelOpen((open) => !open);

  const navigation: PaletteAction[] = sections.map((section) => ({
    id: `go-${section.id}`, label: `Go to ${section.label}`, description: section.description, icon: section.icon, shortcut: section.shortcut, run: () => void navigate(section.path),
  }));
  const sectionActions = sections.flatMap((section) => section.actions?.({ run, status: status.data }) ?? []);
  const switchTo: PaletteAction[] = (connections.data?.connections ?? [])
    .filter((c) => c.id !== connections.currentId)
    .map((c) => ({
      id: `use-connection-${c.id}`, label: `Switch to ${c.name}`, description: `${c.database} on ${c.host}:${c.port}${c.environment === 'production' ? ' · PRODUCTION' : ''}`,
      icon: IconPlugConnected, keywords: ['connection', 'database', c.environment], disabledReason: run.busy ? 'A run is in progress.' : null, run: () => select.mutate(c.id),
    }));
  const shell: PaletteAction[] = [
    { id: 'open-connections', label: 'Open connections…', description: 'Add, test, edit, import a DATABASE_URL', icon: IconSettings, shortcut: shortcuts.connections, run: onOpenConnections },
    { id: 'reload-status', label: 'Reload status', description: 'Read the migrations table and folder again', icon: IconRefresh, shortcut: shortcuts.reloadStatus, run: reloadStatus },
    { id: 'toggle-run-log', label: 'Show or hide the run log', icon: IconLayoutBottombar, shortcut: shortcuts.runLog, run: toggleRunLog },
    { id: 'toggle-theme', label: `Switch to ${scheme === 'dark' ? 'light' : 'dark'} theme`, icon: IconMoon, run: () => setColorScheme(scheme === 'dark' ? 'light' : 'dark') },
  ];

  useKeySequences({
    ...Object.fromEntries(sections.map((section) => [section.shortcut, () => void navigate(section.path)])),
    [shortcuts.connections]: onOpenConnections,
    [shortcuts.reloadStatus]: reloadStatus,
    [shortcuts.runLog]: toggleRunLog,
  });

  const groups: SpotlightActionGroupData[] = [
    { group: 'Go to', actions: navigation.map(toSpotlight) },
    { group: 'Migrations', actions: sectionActions.map(toSpotlight) },
    ...(switchTo.length > 0 ? [{ group: 'Connections', actions: switchTo.map(toSpotlight) }] : []),
    { group: 'Workbench', actions: shell.map(toSpotlight) },
  ];

  return (
    <Spotlight
      actions={groups}
      shortcut={shortcuts.palette}
      nothingFound={<Text size="sm">No matching action.</Text>}
      highlightQuery
      scrollable
      maxHeight={480}
      searchProps={{ leftSection: <IconSearch size={18} aria-hidden />, placeholder: 'Type an action or a section…', 'aria-label': 'Search actions' }}
    />
  );
}
