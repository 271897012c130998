import { memo, type CSSProperties, type Ref } from 'react';
import { ActionIcon, Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconCode, IconFlask, IconGitCompare, IconPlayerPlay, IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { MigrationEntry, RunSelection } from '../../../src-main/contract';
import { DisabledReason } from '../../lib/DisabledReason';
import { absoluteTime, relativeTime } from '../../lib/relativeTime';
import { EditedAfterApplyFlag } from './EditedAfterApplyFlag';
import { FailureDetails } from './FailureDetails';
import { ProgressIndicator } from './ProgressIndicator';
import { StateBadge, stateLabel } from './StateBadge';
import type { MigrationProgress } from '../../app/run/runProgress';
import type { RunRequest } from '../../app/run/useRunFlow';
import type { MigrationDiffRequest } from '../schema/MigrationDiffDrawer';
import classes from './MigrationRow.module.css';

export interface MigrationRowProps {
  entry: MigrationEntry;
  index: number;
  total: number;
  progress: MigrationProgress | undefined;
  rehearsal: boolean;
  /** Whether an applied migration has applied ones after it (so rolling back to it reverts something). */
  canRollBackTo: boolean;
  busy: boolean;
  /** Why the row's actions cannot succeed now; they are disabled and say so on hover. */
  disabledReason: string | null;
  onRequest(request: RunRequest): void;
  /** Opens the schema change a pending migration's up (an applied one's down) would make. */
  onShowDiff(request: MigrationDiffRequest): void;
  /** Positioning and measuring from the virtual list. */
  style: CSSProperties;
  measureRef: Ref<HTMLDivElement>;
}

/** The two ways a row can move the timeline: up to a pending migration, or back down to an applied one. */
const rowActions = {
  up: { phrase: 'Run up to', icon: IconPlayerPlay, color: undefined },
  down: { phrase: 'Roll back to', icon: IconArrowBackUp, color: 'red' },
} as const;

/** Opens the file in the Editor section: editable while pending, read-only once applied. */
function OpenInEditor({ entry }: { entry: MigrationEntry }) {
  if (entry.file === null || entry.duplicateFiles) return null;
  const label = `Open in editor: ${entry.name}`;
  return (
    <Tooltip label={entry.runOn ? 'Open in editor (read-only: it is applied)' : 'Open in editor'}>
      <ActionIcon component={Link} to={`/editor?migration=${encodeURIComponent(entry.name)}`} variant="subtle" size="md" aria-label={label}>
        <IconCode size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

function RowActions({ entry, canRollBackTo, busy, disabledReason, onRequest }: Pick<MigrationRowProps, 'entry' | 'canRollBackTo' | 'busy' | 'disabledReason' | 'onRequest'>) {
  const direction = entry.state === 'pending' ? 'up' : entry.state === 'applied' && canRollBackTo ? 'down' : null;
  if (!direction) return <OpenInEditor entry={entry} />;
  const name = entry.name;
  const { phrase, icon: Icon, color } = rowActions[direction];
  const rehearsed = `${phrase.toLowerCase()} ${name}`;
  const selection: RunSelection = { direction, to: name };
  return (
    <Group gap="xs" wrap="nowrap">
      <OpenInEditor entry={entry} />
      <DisabledReason reason={busy ? null : disabledReason}>
        <Button size="xs" variant="light" color={color} leftSection={<Icon size={14} />} disabled={busy || disabledReason !== null} aria-label={`${phrase} here: ${name}`}
          onClick={() => onRequest({ mode: 'run', selection, label: `${phrase} ${name}` })}>
          {`${phrase} here`}
        </Button>
      </DisabledReason>
      {direction === 'down' && (
        <DisabledReason reason={busy ? null : disabledReason}>
          {/* The guided rollback: back up, verify, rehearse, revert, check integrity (Backups section). */}
          <Tooltip label="Guided rollback to here: back up, verify, rehearse, revert, check integrity">
            <ActionIcon size="md" variant="subtle" color="red" disabled={busy || disabledReason !== null} aria-label={`Guided rollback to here: ${name}`}
              component={Link} to={`/backups?rollback=${encodeURIComponent(name)}`}>
              <IconShieldCheck size={16} />
            </ActionIcon>
          </Tooltip>
        </DisabledReason>
      )}
      <DisabledReason reason={busy ? null : disabledReason}>
        <Button size="xs" variant="subtle" leftSection={<IconFlask size={14} />} disabled={busy || disabledReason !== null} aria-label={`Rehearse ${rehearsed}`}
          onClick={() => onRequest({ mode: 'rehearse', selection, label: `Rehearse: ${rehearsed}` })}>
          Rehearse
        </Button>
      </DisabledReason>
    </Group>
  );
}

/** The schema change this migration makes: rehearsed, so it is disabled when a run could not start either. */
function DiffAction({ entry, busy, disabledReason, onShowDiff }: Pick<MigrationRowProps, 'entry' | 'busy' | 'disabledReason' | 'onShowDiff'>) {
  const direction = entry.state === 'pending' || entry.state === 'out-of-order' ? 'up' : entry.state === 'applied' ? 'down' : null;
  if (!direction) return null;
  const label = direction === 'up' ? 'Preview schema change' : 'What its down would change';
  const blocked = busy || disabledReason !== null;
  return (
    <Tooltip label={blocked && !busy ? disabledReason : label}>
      <ActionIcon variant="subtle" size="md" aria-label={`${label}: ${entry.name}`} disabled={blocked} data-testid="migration-diff-button"
        onClick={() => onShowDiff({ migration: entry.name, direction })}>
        <IconGitCompare size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

function When({ entry }: { entry: MigrationEntry }) {
  if (entry.runOn) {
    return (
      <div className={classes.when}>
        <Text size="sm" data-testid="migration-run-on">{absoluteTime(entry.runOn)}</Text>
        <Text size="xs" c="dimmed">{relativeTime(entry.runOn)}</Text>
      </div>
    );
  }
  return (
    <div className={classes.when}>
      <Text size="sm" c="dimmed">Not run</Text>
    </div>
  );
}

/** Under the name: its file and down step, or, when two files carry the name, both and what to do. */
function FileLine({ entry }: { entry: MigrationEntry }) {
  if (entry.duplicateFiles) {
    return (
      <Text size="xs" c="red" data-testid="duplicate-files">
        {`${entry.duplicateFiles.join(' and ')} share this name: rename one. No run starts until then.`}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed" truncate="end" style={{ minWidth: 0 }}>{entry.file ?? 'file not found in the migrations folder'}</Text>
      {entry.hasDown === false && (
        <Tooltip label="No down step in the file: node-pg-migrate will try to infer the reverse, which fails for raw SQL and data changes.">
          <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>no explicit down</Badge>
        </Tooltip>
      )}
      {entry.hasDown === true && <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>has down</Badge>}
      <EditedAfterApplyFlag entry={entry} />
    </Group>
  );
}

/** One migration on the timeline: focusable, its actions reachable by Tab. */
export const MigrationRow = memo(function MigrationRow(props: MigrationRowProps) {
  const { entry, index, total, progress, rehearsal, canRollBackTo, busy, disabledReason, onRequest, onShowDiff, style, measureRef } = props;
  return (
    <div
      ref={measureRef}
      style={style}
      data-index={index}
      role="listitem"
      tabIndex={0}
      className={classes.row}
      aria-posinset={index + 1}
      aria-setsize={total}
      aria-label={`${entry.name}, ${stateLabel(entry.state)}${progress ? `, ${progress.status}` : ''}`}
      data-testid="migration-row"
      data-name={entry.name}
      data-state={entry.state}
      data-progress={progress?.status ?? 'idle'}
    >
      <div className={classes.line}>
        <div className={classes.state}>
          <StateBadge state={entry.state} />
        </div>
        <div className={classes.name}>
          <Text fw={600} ff="monospace" size="sm" truncate="end" title={entry.name}>{entry.name}</Text>
          <FileLine entry={entry} />
        </div>
        <When entry={entry} />
        <div className={classes.progress}>{progress && <ProgressIndicator progress={progress} rehearsal={rehearsal} />}</div>
        <div className={classes.actions}>
          <RowActions entry={entry} canRollBackTo={canRollBackTo} busy={busy} disabledReason={disabledReason} onRequest={onRequest} />
          <DiffAction entry={entry} busy={busy} disabledReason={disabledReason} onShowDiff={onShowDiff} />
        </div>
      </div>
      {progress?.status === 'failed' && <FailureDetails failure={progress.failure} rehearsal={rehearsal} />}
    </div>
  );
});
