import { Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCommand, IconPlugConnected, type Icon } from '@tabler/icons-react';
import { spotlight } from '@mantine/spotlight';
import { NavLink } from 'react-router';
import { sections } from './sections';
import { shortcutLabel, shortcuts } from './shortcuts';
import classes from './NavigationRail.module.css';

function RailButton({ icon: Icon, label, hint, onClick }: { icon: Icon; label: string; hint: string; onClick(): void }) {
  return (
    <Tooltip label={hint} position="right" withArrow>
      <UnstyledButton className={classes.item} onClick={onClick} aria-label={label}>
        <Icon size={22} stroke={1.6} aria-hidden />
        <Text component="span" className={classes.label}>{label}</Text>
      </UnstyledButton>
    </Tooltip>
  );
}

/** The left rail: one entry per section (from the registry), then connections and the palette. */
export function NavigationRail({ onOpenConnections }: { onOpenConnections(): void }) {
  return (
    <Stack component="nav" aria-label="Sections" justify="space-between" h="100%" py="xs" gap={0}>
      <Stack gap={4}>
        {sections.map(({ id, label, icon: Icon, path, shortcut }) => (
          <Tooltip key={id} label={`${label} (${shortcutLabel(shortcut)})`} position="right" withArrow>
            <NavLink to={path} className={classes.item} data-testid={`rail-${id}`}>
              <Icon size={22} stroke={1.6} aria-hidden />
              <Text component="span" className={classes.label}>{label}</Text>
            </NavLink>
          </Tooltip>
        ))}
      </Stack>
      <Stack gap={4}>
        <RailButton icon={IconPlugConnected} label="Connections" hint={`Connections (${shortcutLabel(shortcuts.connections)})`} onClick={onOpenConnections} />
        <RailButton icon={IconCommand} label="Actions" hint={`Command palette (${shortcutLabel(shortcuts.palette)})`} onClick={() => spotlight.open()} />
      </Stack>
    </Stack>
  );
}
