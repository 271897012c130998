import { Badge, Box, Button, Collapse, Group, Paper, ScrollArea, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { RecentHistory } from '../../features/history/RecentHistory';
import { useRunProgress } from './RunProgressContext';
import type { LogLine } from './runProgress';

// Warnings stay in the body color (their WARN label marks them): orange text fails contrast on white.
const levelColor: Record<LogLine['level'], string | undefined> = { debug: 'dimmed', info: undefined, warn: undefined, error: 'red' };

/** The latest run's state and log, at the bottom of every section; folded so the section keeps its room. */
export function RunPanel() {
  const { progress, panelOpen, setPanelOpen } = useRunProgress();
  const Chevron = panelOpen ? IconChevronDown : IconChevronUp;
  return (
    <Paper withBorder radius={0} data-testid="log-panel" style={{ flexShrink: 0 }}>
      <Group justify="space-between" px="md" py={4} wrap="nowrap">
        <Button variant="subtle" size="compact-sm" onClick={() => setPanelOpen((o) => !o)} rightSection={<Chevron size={14} />} aria-expanded={panelOpen} aria-controls="run-log">
          Run log ({progress.log.length})
        </Button>
        {progress.active && <Badge color="blue" variant="dot">{progress.rehearsal ? 'Rehearsing' : 'Running'}</Badge>}
        {!progress.active && progress.outcome && (
          <Badge color={progress.outcome.success ? 'teal' : 'red'} variant="dot">{progress.outcome.success ? 'Last run succeeded' : 'Last run failed'}</Badge>
        )}
      </Group>
      <Collapse expanded={panelOpen}>
        <ScrollArea h={160} px="md" pb="xs" id="run-log">
          {progress.log.length === 0 && <Text size="sm" c="dimmed">No run yet in this window.</Text>}
          {progress.log.map((line, i) => (
            <Box key={i} ff="monospace" fz="xs" c={levelColor[line.level]} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {new Date(line.at).toLocaleTimeString()} {line.level.toUpperCase().padEnd(5)} {line.message}
            </Box>
          ))}
          {panelOpen && <RecentHistory />}
        </ScrollArea>
      </Collapse>
    </Paper>
  );
}
