import { Badge, Tooltip } from '@mantine/core';
import { IconArrowsShuffle, IconCircleCheck, IconClockHour4, IconCopy, IconFileOff } from '@tabler/icons-react';
import type { MigrationState } from '../../../src-main/contract';

const looks: Record<MigrationState, { label: string; color: string; icon: typeof IconCircleCheck; explain: string }> = {
  applied: { label: 'Applied', color: 'teal', icon: IconCircleCheck, explain: 'Recorded in the migrations table.' },
  pending: { label: 'Pending', color: 'blue', icon: IconClockHour4, explain: 'In the folder, not yet run on this database.' },
  'missing-file': {
    label: 'Missing file',
    color: 'red',
    icon: IconFileOff,
    explain: 'Recorded as applied, but its file is no longer in the migrations folder. Restore the file before rolling back past it.',
  },
  'out-of-order': {
    label: 'Out of order',
    color: 'grape',
    icon: IconArrowsShuffle,
    explain: 'Not run, but older than the last applied migration. node-pg-migrate refuses to run it while check-order is on; rename it with a newer timestamp.',
  },
  'duplicate-name': {
    label: 'Duplicate',
    color: 'red',
    icon: IconCopy,
    explain: 'Two files carry this name. node-pg-migrate would run both and record the name twice, so no run starts until you rename one.',
  },
};

export function stateLabel(state: MigrationState): string {
  return looks[state].label;
}

export function StateBadge({ state }: { state: MigrationState }) {
  const look = looks[state];
  const Icon = look.icon;
  return (
    <Tooltip label={look.explain} multiline w={280} openDelay={300}>
      <Badge
        color={look.color}
        variant="light"
        size="lg"
        radius="sm"
        leftSection={<Icon size={14} aria-hidden />}
        data-testid="migration-state"
        w={136}
        styles={{ label: { overflow: 'visible' } }}
      >
        {look.label}
      </Badge>
    </Tooltip>
  );
}
