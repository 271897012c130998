import { Badge, Code, Drawer, Group, Loader, List, Stack, Text, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { FailureDetails } from '../../features/timeline/FailureDetails';
import { RehearsalLocks } from './RehearsalLocks';
import type { RehearsalView } from './useRunFlow';

/** A rehearsal runs in a transaction that is rolled back: show what it executed and how it ended. */
export function RehearsalDrawer({ view, loading, onClose }: { view: RehearsalView | null; loading: boolean; onClose(): void }) {
  const result = view?.result;
  return (
    <Drawer opened={view !== null} onClose={onClose} position="right" size="xl" title={<Group gap="xs"><IconFlask size={18} />{view?.request.label}</Group>}>
      <Stack gap="md" data-testid="rehearsal-drawer">
        <Text size="sm" c="dimmed">
          Rehearsal runs the migrations inside a transaction that is rolled back at the end: the database is left exactly as it was.
        </Text>
        {loading && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">Rehearsing…</Text>
          </Group>
        )}
        {view?.error && <ErrorAlert error={view.error} />}
        {result && (
          <>
            <Group gap="xs">
              <Badge color={result.success ? 'teal' : 'red'} size="lg" data-testid="rehearsal-outcome">
                {result.success ? 'Would succeed' : 'Would fail'}
              </Badge>
              <Text size="sm">{result.message}</Text>
            </Group>
            {result.failure && <FailureDetails failure={result.failure} rehearsal />}
            {result.locks && <RehearsalLocks locks={result.locks} />}
            <div>
              <Title order={4} size="h5" mb={4}>Migrations ({result.direction})</Title>
              <List type="ordered" size="sm">
                {result.plan.map((name) => <List.Item key={name} ff="monospace">{name}</List.Item>)}
              </List>
            </div>
            <div>
              <Title order={4} size="h5" mb={4}>SQL executed ({result.statements.length} statements)</Title>
              <Code block data-testid="rehearsal-sql" style={{ whiteSpace: 'pre-wrap' }}>
                {result.statements.length > 0 ? result.statements.map((s) => s.trim().replace(/;?$/, ';')).join('\n\n') : '-- no statements'}
              </Code>
            </div>
          </>
        )}
      </Stack>
    </Drawer>
  );
}
