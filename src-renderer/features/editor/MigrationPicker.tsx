import { Badge, Button, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { MigrationEntry } from '../../../src-main/contract';

interface MigrationPickerProps {
  migrations: MigrationEntry[];
  openName: string | null;
  onOpen(name: string): void;
  onNew(): void;
}

function Group({ title, entries, openName, onOpen }: { title: string; entries: MigrationEntry[]; openName: string | null; onOpen(name: string): void }) {
  if (entries.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm">{title}</Text>
      {entries.map((m) => (
        <NavLink
          key={m.name}
          active={m.name === openName}
          label={<Text size="xs" ff="monospace" truncate="end" title={m.name}>{m.name}</Text>}
          rightSection={m.editedAfterApply ? <Badge size="xs" color="orange" variant="light">edited</Badge> : undefined}
          onClick={() => onOpen(m.name)}
          data-testid="editor-migration"
          data-name={m.name}
        />
      ))}
    </Stack>
  );
}

/** The project's migrations to open: pending ones (editable) first, newest first; then applied ones (read-only). */
export function MigrationPicker({ migrations, openName, onOpen, onNew }: MigrationPickerProps) {
  const withFile = migrations.filter((m) => m.file !== null && !m.duplicateFiles);
  const pending = withFile.filter((m) => m.runOn === null).reverse();
  const applied = withFile.filter((m) => m.runOn !== null).reverse();
  return (
    <Stack gap="sm" h="100%" w={280} p="sm" style={{ borderRight: '1px solid var(--mantine-color-default-border)', minHeight: 0 }}>
      <Button leftSection={<IconPlus size={16} />} onClick={onNew} data-testid="new-migration">New migration</Button>
      <ScrollArea style={{ flex: 1 }}>
        <Stack gap="md">
          <Group title="Pending" entries={pending} openName={openName} onOpen={onOpen} />
          <Group title="Applied (read-only)" entries={applied} openName={openName} onOpen={onOpen} />
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
