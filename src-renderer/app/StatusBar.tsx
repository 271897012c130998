import { useEffect, useState } from 'react';
import { Group, Text, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import type { AppInfo, LockHolder } from '../../src-main/contract';
import { liveUpdatesEvent } from '../lib/httpTransport';
import { queryKeys, useLockState, useServerInfo } from '../lib/queries';
import { relativeTime } from '../lib/relativeTime';
import { lockHolderLabel } from './run/runBlocker';
import { useRunProgress } from './run/RunProgressContext';

function LockState({ lock, failed, ownRunPid }: { lock: LockHolder | null | undefined; failed: boolean; ownRunPid: number | null }) {
  if (failed) return <Text size="xs" c="dimmed">Lock: unknown</Text>;
  if (lock === undefined) return <Text size="xs" c="dimmed">Lock: checking…</Text>;
  if (lock === null) {
    return (
      <Group gap={4} data-testid="lock-state" data-locked="false">
        <IconLockOpen size={14} aria-hidden />
        <Text size="xs">Lock: free</Text>
      </Group>
    );
  }
  if (lock.pid === ownRunPid) {
    return (
      <Group gap={4} data-testid="lock-state" data-locked="true">
        <IconLock size={14} aria-hidden />
        <Text size="xs">Lock: held by this run</Text>
      </Group>
    );
  }
  const who = lockHolderLabel(lock);
  return (
    <Tooltip label={`Another run holds node-pg-migrate's advisory lock: ${who}`}>
      <Group gap={4} data-testid="lock-state" data-locked="true">
        <IconLock size={14} color="var(--mantine-color-red-filled)" aria-hidden />
        <Text size="xs" c="red" fw={600}>
          Lock held by {who}
          {lock.since ? ` since ${relativeTime(lock.since)}` : ''}
        </Text>
      </Group>
    </Tooltip>
  );
}

/** Server mode: says when the live event stream is down, and refetches the timeline once it is back (events may have been missed). */
function LiveUpdates() {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(true);
  useEffect(() => {
    let wasConnected = true;
    const onChange = (event: Event) => {
      const next = (event as CustomEvent<{ connected: boolean }>).detail.connected;
      if (next && !wasConnected) void queryClient.invalidateQueries({ queryKey: queryKeys.migrations });
      wasConnected = next;
      setConnected(next);
    };
    window.addEventListener(liveUpdatesEvent, onChange);
    return () => window.removeEventListener(liveUpdatesEvent, onChange);
  }, [queryClient]);
  if (connected) return null;
  return (
    <Tooltip label="Runs still finish and report their result; the timeline refreshes when the connection is back.">
      <Text size="xs" c="orange" fw={600} data-testid="live-updates-lost">Live updates lost: reconnecting…</Text>
    </Tooltip>
  );
}

/** Bottom bar: who and what we are talking to, and whether a run holds the migration lock (polled). */
export function StatusBar({ info, connectionId, ready }: { info: AppInfo | undefined; connectionId: string | null; ready: boolean }) {
  const server = useServerInfo(connectionId, ready);
  const lock = useLockState(connectionId, ready);
  const { progress } = useRunProgress();
  const ownRunPid = progress.active ? (progress.activity?.backendPid ?? progress.backendPid) : null;
  const version = server.data?.serverVersion;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" data-testid="status-bar">
      <Group gap="lg" wrap="nowrap">
        <Text size="xs" data-testid="server-version">
          {server.isError ? 'PostgreSQL: unreachable' : version ? `PostgreSQL ${version}` : 'PostgreSQL: …'}
        </Text>
        <Text size="xs" data-testid="current-user">User: {server.data?.currentUser ?? (server.isError ? 'unknown' : '…')}</Text>
        <LockState lock={lock.data} failed={lock.isError} ownRunPid={ownRunPid} />
        <LiveUpdates />
      </Group>
      <Text size="xs" c="dimmed">
        PGM Studio {info?.version ?? ''} · {info?.door === 'electron' ? 'desktop' : 'server mode'}
      </Text>
    </Group>
  );
}
