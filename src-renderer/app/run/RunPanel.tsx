import { useState } from 'react';
import { Alert, Badge, Box, Button, Collapse, Group, Modal, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconChevronDown, IconChevronUp, IconPlayerStop } from '@tabler/icons-react';
import { studio } from '../../lib/studio';
import { RecentHistory } from '../../features/history/RecentHistory';
import { useRunProgress } from './RunProgressContext';
import { elapsedLabel } from './runActivityText';
import type { LogLine, RunProgress } from './runProgress';
import { RunWaitingView } from './RunWaitingView';

// Warnings stay in the body color (their WARN label marks them): orange text fails contrast on white.
const levelColor: Record<LogLine['level'], string | undefined> = { debug: 'dimmed', info: undefined, warn: undefined, error: 'red' };

/**
 * Cancels the run in progress (its statement is cancelled, the command rolled back). Asks first only
 * when the running migration is outside a transaction: then what it already did stays.
 */
function CancelRunButton({ progress }: { progress: RunProgress }) {
  const [asking, setAsking] = useState(false);
  const cancel = useMutation({ mutationFn: () => studio.migrations.cancel(progress.runId ? { runId: progress.runId } : {}) });
  const outside = progress.outsideTransaction;
  const go = () => {
    setAsking(false);
    cancel.mutate();
  };
  return (
    <>
      <Button size="compact-sm" color="red" variant="light" leftSection={<IconPlayerStop size={14} />} loading={cancel.isPending} onClick={() => (outside ? setAsking(true) : go())} data-testid="cancel-run">
        {cancel.isPending ? 'Cancelling…' : 'Cancel'}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Cancel a migration that runs outside a transaction?" centered>
        <Stack gap="sm" data-testid="cancel-outside-transaction">
          <Alert color="orange" variant="light">
            {outside} calls pgm.noTransaction(): each of its statements commits on its own. Cancelling stops the running statement, but what the earlier ones did stays, and the migration is not recorded as applied.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)} data-autofocus>Let it run</Button>
            <Button color="red" onClick={go}>Cancel it anyway</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

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
        {progress.active && (
          <Group gap="xs" wrap="nowrap">
            <Badge color={progress.activity?.waitingFor ? 'orange' : 'blue'} variant="dot" data-testid="run-state">
              {progress.rehearsal ? 'Rehearsing' : 'Running'}
              {progress.activity ? ` · ${elapsedLabel(progress.activity.elapsedMs)}` : ''}
              {progress.activity?.waitingFor ? ' · waiting for a lock' : ''}
            </Badge>
            <CancelRunButton progress={progress} />
          </Group>
        )}
        {!progress.active && progress.outcome && (
          <Badge color={progress.outcome.success ? 'teal' : 'red'} variant="dot">{progress.outcome.success ? 'Last run succeeded' : 'Last run failed'}</Badge>
        )}
      </Group>
      {progress.active && progress.activity && <RunWaitingView runId={progress.runId} activity={progress.activity} />}
      <Collapse expanded={panelOpen}>
        {/* Focusable, so the log can be scrolled from the keyboard (axe: scrollable-region-focusable). */}
        <ScrollArea h={160} px="md" pb="xs" id="run-log" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Run log and recent operations' }}>
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
