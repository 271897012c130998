import type { ReactNode } from 'react';
import { Group, Loader, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconHourglassEmpty, IconX } from '@tabler/icons-react';
import type { MigrationProgress } from '../../app/run/runProgress';

/** Every state wears the same markers (test id, data-progress), so each is found the same way. */
function Indicator({ status, gap = 4, children }: { status: MigrationProgress['status']; gap?: number; children: ReactNode }) {
  return (
    <Group gap={gap} data-testid="migration-progress" data-progress={status} wrap="nowrap">
      {children}
    </Group>
  );
}

/** The live state of one migration in the current run: queued, running, done (ms), failed. */
export function ProgressIndicator({ progress, rehearsal }: { progress: MigrationProgress; rehearsal: boolean }) {
  // "ran", not "applied": the command commits only at its end, and the state badge says what is applied.
  const verb = rehearsal ? (progress.direction === 'up' ? 'Rehearsed' : 'Rehearsed down') : progress.direction === 'up' ? 'Ran' : 'Reverted';
  switch (progress.status) {
    case 'queued':
      return (
        <Indicator status="queued">
          <IconHourglassEmpty size={16} aria-hidden />
          <Text size="sm" c="dimmed">Queued</Text>
        </Indicator>
      );
    case 'running':
      return (
        <Indicator status="running" gap={6}>
          <Loader size={14} aria-hidden />
          <Text size="sm">Running…</Text>
        </Indicator>
      );
    case 'done':
      return (
        <Indicator status="done">
          <IconCheck size={16} color="var(--mantine-color-teal-filled)" aria-hidden />
          <Text size="sm">
            {verb} in {progress.durationMs} ms
          </Text>
        </Indicator>
      );
    case 'rolled-back':
      return (
        <Indicator status="rolled-back">
          <IconArrowBackUp size={16} aria-hidden />
          <Text size="sm" c="dimmed">Ran, then rolled back</Text>
        </Indicator>
      );
    case 'failed':
      return (
        <Indicator status="failed">
          <IconX size={16} color="var(--mantine-color-red-filled)" aria-hidden />
          {/* A cancel (or Ctrl-C) is the operator's decision, not the migration's failure. */}
          <Text size="sm" c="red" fw={600}>{progress.failure.interrupted ? (progress.failure.message.startsWith('cancelled') ? 'Cancelled' : 'Interrupted') : rehearsal ? 'Failed in rehearsal' : 'Failed'}</Text>
        </Indicator>
      );
  }
}
