import { Badge, Box, Button, Collapse, Group, Paper, ScrollArea, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import type { LogLine, RunProgress } from './runProgress';

// Warnings stay in the body color (their WARN label marks them): orange text fails contrast on white.
const levelColor: Record<LogLine['level'], string | undefined> = { debug: 'dimmed', info: undefined, warn: undefined, error: 'red' };

/** The latest run's log events, collapsible so the timeline keeps its room. */
export function LogPanel({ progress, opened, onToggle }: { progress: RunProgress; opened: boolean; onToggle(): void }) {
  const Chevron = opened ? IconChevronDown : IconChevronUp;
  return (
    <Paper withBorder radius={0} mt="auto" data-testid="log-panel">
      <Group justify="space-between" px="md" py={4}>
        <Button variant="subtle" size="compact-sm" onClick={onToggle} rightSection={<Chevron size={14} />} aria-expanded={opened} aria-controls="run-log">
          Run log ({progress.log.length})
        </Button>
        {progress.active && <Badge color="blue" variant="dot">{progress.rehearsal ? 'Rehearsing' : 'Running'}</Badge>}
        {!progress.active && progress.outcome && (
          <Badge color={progress.outcome.success ? 'teal' : 'red'} variant="dot">{progress.outcome.success ? 'Last run succeeded' : 'Last run failed'}</Badge>
        )}
      </Group>
      <Collapse expanded={opened}>
        <ScrollArea h={160} px="md" pb="xs" id="run-log">
          {progress.log.length === 0 && <Text size="sm" c="dimmed">No run yet in this window.</Text>}
          {progress.log.map((line, i) => (
            <Box key={i} ff="monospace" fz="xs" c={levelColor[line.level]} style={{ whiteSpace: 'pre-wrap' }}>
              {new Date(line.at).toLocaleTimeString()} {line.level.toUpperCase().padEnd(5)} {line.message}
            </Box>
          ))}
        </ScrollArea>
      </Collapse>
    </Paper>
  );
}
