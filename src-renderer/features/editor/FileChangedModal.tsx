import { useState } from 'react';
import { Box, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FileChangedOnDiskDetail } from '../../../src-main/contract';
import { DiffEditor } from './monaco/DiffEditor';

interface FileChangedModalProps {
  changed: FileChangedOnDiskDetail | null;
  mine: string;
  onReload(theirs: FileChangedOnDiskDetail): void;
  onOverwrite(theirs: FileChangedOnDiskDetail): void;
  onClose(): void;
}

/** Save refused: the file changed on disk since it was opened. Reload theirs, compare, or keep mine. */
export function FileChangedModal({ changed, mine, onReload, onOverwrite, onClose }: FileChangedModalProps) {
  const [comparing, setComparing] = useState(false);
  const close = () => {
    setComparing(false);
    onClose();
  };
  return (
    <Modal opened={changed !== null} onClose={close} title="The file changed on disk" size={comparing ? '90%' : 'lg'} data-testid="file-changed">
      {changed && (
        <Stack gap="sm">
          <Text size="sm">{`${changed.file} was changed by something else since you opened it. Nothing was saved.`}</Text>
          {comparing && (
            <Stack gap={4}>
              <Group justify="space-between"><Text size="xs" c="dimmed">On disk now</Text><Text size="xs" c="dimmed">Yours</Text></Group>
              <Box h={420} data-testid="file-changed-diff"><DiffEditor path={changed.file} original={changed.content} modified={mine} /></Box>
            </Stack>
          )}
          <Group justify="flex-end">
            {!comparing && <Button variant="default" onClick={() => setComparing(true)}>Compare</Button>}
            <Button variant="default" onClick={() => { setComparing(false); onReload(changed); }}>Reload from disk</Button>
            <Button color="orange" onClick={() => { setComparing(false); onOverwrite(changed); }}>Save mine over it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
