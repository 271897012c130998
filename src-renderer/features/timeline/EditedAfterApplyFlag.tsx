import { lazy, Suspense, useState } from 'react';
import { Badge, Center, Loader, Modal, UnstyledButton } from '@mantine/core';
import { IconPencilExclamation } from '@tabler/icons-react';
import type { MigrationEntry } from '../../../src-main/contract';

// Monaco's diff editor: fetched only when an operator opens the flag, never with the timeline.
const EditedAfterApplyDiff = lazy(() => import('../editor/EditedAfterApplyDiff').then((m) => ({ default: m.EditedAfterApplyDiff })));

/** An applied migration whose file changed since the app applied it (node-pg-migrate #1138): flag and diff. */
export function EditedAfterApplyFlag({ entry }: { entry: MigrationEntry }) {
  const [opened, setOpened] = useState(false);
  const edited = entry.editedAfterApply;
  if (!edited || !entry.file) return null;
  return (
    <>
      <UnstyledButton onClick={() => setOpened(true)} aria-label={`Edited after it was applied: show the changes to ${entry.name}`} style={{ flexShrink: 0, display: 'inline-flex' }}>
        <Badge size="xs" color="orange" variant="filled" leftSection={<IconPencilExclamation size={10} />} data-testid="edited-after-apply">edited after apply</Badge>
      </UnstyledButton>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`${entry.name}: edited after apply`} size="90%">
        <Suspense fallback={<Center h={200}><Loader size="sm" /></Center>}>
          {opened && <EditedAfterApplyDiff file={entry.file} edited={edited} />}
        </Suspense>
      </Modal>
    </>
  );
}
