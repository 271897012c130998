import { Button, Center, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconTableOff } from '@tabler/icons-react';
import { Link } from 'react-router';

/** A database without tables: say so, and where they come from. */
export function SchemaEmptyState({ database }: { database: string }) {
  return (
    <Center h="100%" data-testid="schema-empty">
      <Stack align="center" gap="xs" maw={420}>
        <ThemeIcon size="xl" variant="light" color="gray"><IconTableOff size={22} /></ThemeIcon>
        <Text fw={600}>{`No tables in ${database} yet`}</Text>
        <Text size="sm" c="dimmed" ta="center">Run the pending migrations from the timeline; the schema they create shows here.</Text>
        <Button component={Link} to="/timeline" size="xs" variant="light">Open the timeline</Button>
      </Stack>
    </Center>
  );
}
