import { useState } from 'react';
import { Alert, Button, Drawer, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconLink, IconPlus } from '@tabler/icons-react';
import type { ConnectionSummary } from '../../../src-main/contract';
import { useConnections } from '../../lib/queries';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { ImportUrlForm } from './ImportUrlForm';
import { useConnectionMutations } from './useConnectionMutations';

type View = { kind: 'list' } | { kind: 'form'; editing: ConnectionSummary | null } | { kind: 'import' };

function DeleteConfirm({ target, onClose }: { target: ConnectionSummary | null; onClose(): void }) {
  const { remove } = useConnectionMutations();
  return (
    <Modal opened={target !== null} onClose={onClose} title="Delete connection?" centered>
      <Stack>
        <Text size="sm">
          Delete <strong>{target?.name}</strong> and its stored password? The database itself is not touched.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="red" loading={remove.isPending} onClick={() => target && remove.mutate(target.id, { onSuccess: onClose })}>Delete</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Add, edit, test, delete and import connections. */
export function ConnectionsDrawer({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const list = useConnections();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [deleting, setDeleting] = useState<ConnectionSummary | null>(null);
  const back = () => setView({ kind: 'list' });
  const keychainAvailable = list.data?.keychainAvailable ?? true;

  return (
    <Drawer opened={opened} onClose={() => { back(); onClose(); }} title="Connections" position="right" size="lg">
      {view.kind === 'form' && <ConnectionForm key={view.editing?.id ?? 'new'} editing={view.editing} keychainAvailable={keychainAvailable} onDone={back} />}
      {view.kind === 'import' && <ImportUrlForm keychainAvailable={keychainAvailable} onDone={back} />}
      {view.kind === 'list' && (
        <Stack gap="sm" data-testid="connections-list">
          <Group gap="xs">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setView({ kind: 'form', editing: null })}>Add connection</Button>
            <Button variant="default" leftSection={<IconLink size={16} />} onClick={() => setView({ kind: 'import' })}>Import DATABASE_URL</Button>
          </Group>
          {!keychainAvailable && (
            <Alert color="yellow" title="No OS keychain available">
              Passwords can be kept for this session only; you will enter them again after a restart.
            </Alert>
          )}
          {list.isPending && <Loader size="sm" />}
          {list.isError && <ErrorAlert error={list.error} />}
          {list.data?.connections.length === 0 && <Text size="sm" c="dimmed">No saved connections yet.</Text>}
          {list.data?.connections.map((c) => (
            <ConnectionCard key={c.id} connection={c} current={c.id === list.data.currentId}
              onEdit={() => setView({ kind: 'form', editing: c })} onDelete={() => setDeleting(c)} />
          ))}
        </Stack>
      )}
      <DeleteConfirm target={deleting} onClose={() => setDeleting(null)} />
    </Drawer>
  );
}
