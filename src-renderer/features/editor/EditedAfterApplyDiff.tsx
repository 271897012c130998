import { Box, Group, Stack, Text } from '@mantine/core';
import type { EditedAfterApply } from '../../../src-main/contract';
import { absoluteTime } from '../../lib/relativeTime';
import { DiffEditor } from './monaco/DiffEditor';

/** The file as the app applied it against the file now: loaded only when the timeline's flag is opened. */
export function EditedAfterApplyDiff({ file, edited }: { file: string; edited: EditedAfterApply }) {
  return (
    <Stack gap="xs" data-testid="edited-after-apply-diff">
      <Text size="sm">
        {`${file} changed after it was applied (${absoluteTime(edited.recordedAt)}). The database ran the version on the left; editing the file changes nothing there. Put further changes in a new migration.`}
      </Text>
      <Group justify="space-between"><Text size="xs" c="dimmed">As applied</Text><Text size="xs" c="dimmed">On disk now</Text></Group>
      <Box h={480}><DiffEditor path={file} original={edited.recordedContent} modified={edited.currentContent} /></Box>
    </Stack>
  );
}
