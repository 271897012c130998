import { Group, Loader, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconHourglassEmpty, IconX } from '@tabler/icons-react';
import type { MigrationProgress } from './runProgress';

/** The live state of one migration in the current run: queued, running, done (ms), failed. */
export function ProgressIndicator({ progress, rehearsal }: { progress: MigrationProgress; rehearsal: boolean }) {
  // "ran", not "applied": the command commits only at its end, and the state badge says what is applied.
  const verb = rehearsal ? (progress.direction === 'up' ? 'Rehearsed' : 'Rehearsed down') : progress.direction === 'up' ? 'Ran' : 'Reverted';
  switch (progress.status) {
    case 'queued':
      return (
        <Group gap={4} data-testid="migration-progress" data-progress="queued" wrap="nowrap">
          <IconHourglassEmpty size={16} aria-hidden />
          <Text size="sm" c="dimmed">Queued</Text>
        </Group>
      );
    case 'running':
      return (
        <Group gap={6} data-testid="migration-progress" data-progress="running" wrap="nowrap">
          <Loader size={14} aria-hidden />
          <Text size="sm">Running…</Text>
        </Group>
      );
    case 'done':
      return (
        <Group gap={4} data-testid="migration-progress" data-progress="done" wrap="nowrap">
          <IconCheck size={16} color="var(--mantine-color-teal-filled)" aria-hidden />
          <Text size="sm">
            {verb} in {progress.durationMs} ms
          </Text>
        </Group>
      );
    case 'rolled-back':
      return (
        <Group gap={4} data-testid="migration-progress" data-progress="rolled-back" wrap="nowrap">
          <IconArrowBackUp size={16} aria-hidden />
          <Text size="sm" c="dimmed">Ran, then rolled back</Text>
        </Group>
      );
    case 'failed':
      return (
        <Group gap={4} data-testid="migration-progress" data-progress="failed" wrap="nowrap">
          <IconX size={16} color="var(--mantine-color-red-filled)" aria-hidden />
          <Text size="sm" c="red" fw={600}>{rehearsal ? 'Failed in rehearsal' : 'Failed'}</Text>
        </Group>
      );
  }
}
