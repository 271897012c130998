import { useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MigrationEntry } from '../../../src-main/contract';
import { MigrationRow } from './MigrationRow';
import type { RunProgress } from '../../app/run/runProgress';
import type { RunRequest } from '../../app/run/useRunFlow';
import type { MigrationDiffRequest } from '../schema/MigrationDiffDrawer';

interface MigrationListProps {
  migrations: MigrationEntry[];
  progress: RunProgress;
  busy: boolean;
  /** Why no row action can succeed now (lock held, check-order), shown on hover. */
  disabledReason: string | null;
  onRequest(request: RunRequest): void;
  onShowDiff(request: MigrationDiffRequest): void;
}

/** Index of the last applied migration: rolling back to anything before it reverts something. */
function lastAppliedIndex(migrations: MigrationEntry[]): number {
  for (let i = migrations.length - 1; i >= 0; i -= 1) if (migrations[i]?.state === 'applied' || migrations[i]?.state === 'missing-file') return i;
  return -1;
}

const navigationKeys = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

/** The timeline, oldest first like node-pg-migrate's; virtualized so thousands of rows stay smooth. */
export function MigrationList({ migrations, progress, busy, disabledReason, onRequest, onShowDiff }: MigrationListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // We do not use the React Compiler; TanStack Virtual's unmemoizable API is fine under plain React.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: migrations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 61,
    overscan: 12,
    getItemKey: (index) => migrations[index]?.name ?? index,
  });
  const lastApplied = useMemo(() => lastAppliedIndex(migrations), [migrations]);

  // Arrow keys move between rows (Tab still walks every action), scrolling the virtual window along.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (!row || row !== event.target || !navigationKeys.has(event.key)) return;
      event.preventDefault();
      const current = Number(row.dataset.index);
      const page = 10;
      const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: migrations.length - 1, PageDown: current + page, PageUp: current - page }[event.key] ?? current;
      const target = Math.max(0, Math.min(migrations.length - 1, next));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
    },
    [migrations.length, virtualizer],
  );

  return (
    <div ref={scrollRef} style={{ flex: 1, minHeight: 0, overflow: 'auto' }} data-testid="migration-list-scroll" onKeyDown={onKeyDown}>
      <div role="list" aria-label="Migrations" style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = migrations[item.index];
          if (!entry) return null;
          return (
            <MigrationRow
                key={item.key}
                measureRef={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
                entry={entry}
                index={item.index}
                total={migrations.length}
                progress={progress.byMigration[entry.name]}
                rehearsal={progress.rehearsal}
                canRollBackTo={entry.state === 'applied' && item.index < lastApplied}
                busy={busy}
                disabledReason={disabledReason}
                onRequest={onRequest}
                onShowDiff={onShowDiff}
              />
          );
        })}
      </div>
    </div>
  );
}
