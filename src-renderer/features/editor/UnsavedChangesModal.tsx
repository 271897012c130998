import { Button, Group, Modal, Text } from '@mantine/core';
import type { Blocker } from 'react-router';

/** "You have unsaved changes": stay, or leave them behind. */
export function UnsavedChangesModal({ blocker }: { blocker: Blocker }) {
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Unsaved changes" data-testid="unsaved-changes">
      <Text size="sm">This migration has changes that are not saved. Leaving discards them.</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()}>Stay</Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>Discard and leave</Button>
      </Group>
    </Modal>
  );
}
