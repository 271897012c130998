import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** One line under the title: what the section is for. */
  description: ReactNode;
  /** The section's main actions, at the right. */
  actions?: ReactNode;
}

/** A workbench section's heading: its title and what it is for, its actions at the right. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={0}>
        <Title order={2} size="h3">{title}</Title>
        <Text size="sm" c="dimmed">{description}</Text>
      </Stack>
      {actions}
    </Group>
  );
}
