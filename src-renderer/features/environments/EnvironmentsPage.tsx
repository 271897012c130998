import { Center, Stack, Text, Title } from '@mantine/core';
import { IconServer2 } from '@tabler/icons-react';

/** Placeholder until the environments view (every connection of the project side by side) lands. */
export function EnvironmentsPage() {
  return (
    <Center h="100%" p="xl" data-testid="environments-page">
      <Stack align="center" gap="xs" maw={480}>
        <IconServer2 size={40} aria-hidden />
        <Title order={2} size="h3">Environments are coming</Title>
        <Text c="dimmed" ta="center">
          Every connection of this project side by side: applied count, last migration, what is pending, and whether it is reachable.
        </Text>
      </Stack>
    </Center>
  );
}
