import { useState } from 'react';
import { Alert, Button, Code, Group, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProjectInfo, ProjectOrigins } from '../../../src-main/contract';
import { studio } from '../../lib/studio';
import { toStudioError } from '../../lib/studioError';

const settingLabels: Record<keyof ProjectOrigins, string> = {
  migrationsDir: 'Migrations folder',
  migrationsTable: 'Migrations table',
  migrationsSchema: 'Migrations table schema',
  schema: 'Schema',
  checkOrder: 'Check order',
  migrationFileLanguage: 'New migration language',
  databaseUrl: 'Database (DATABASE_URL)',
};

/** Each node-pg-migrate setting the app uses, and where it came from. */
function SettingsTable({ project }: { project: ProjectInfo }) {
  const rows = (Object.keys(settingLabels) as (keyof ProjectOrigins)[]).map((key) => {
    const origin = project.origins[key];
    return (
      <Table.Tr key={key} data-testid={`setting-${key}`}>
        <Table.Td><Text size="sm" fw={600}>{settingLabels[key]}</Text></Table.Td>
        <Table.Td style={{ overflowWrap: 'anywhere' }}><Text size="sm" ff="monospace">{origin?.value ?? '—'}</Text></Table.Td>
        <Table.Td><Text size="sm" c="dimmed" data-testid="setting-source">{origin?.source ?? 'not set'}</Text></Table.Td>
      </Table.Tr>
    );
  });
  return (
    <Table layout="fixed" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr><Table.Th w="28%">Setting</Table.Th><Table.Th>Value</Table.Th><Table.Th w="30%">From</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>{rows}</Table.Tbody>
    </Table>
  );
}

/** The open project: its folder, its node-pg-migrate settings with their sources, and opening another. */
export function ProjectPage() {
  const queryClient = useQueryClient();
  const project = useQuery({ queryKey: ['project', 'current'], queryFn: () => studio.project.current({}), meta: { silent: true } });
  const recent = useQuery({ queryKey: ['project', 'recent'], queryFn: () => studio.project.recent({}) });
  const [path, setPath] = useState('');
  const open = useMutation({
    mutationFn: (folder: string) => studio.project.open({ path: folder }),
    meta: { inlineErrors: true },
    // Another project: its settings, connections and timeline all change.
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  const pick = useMutation({
    mutationFn: () => studio.project.pickFolder({}),
    onSuccess: ({ path: picked }) => picked && open.mutate(picked),
  });
  // From project/recent, not app/info: a project that cannot be read must not hide the way to open another.
  const opening = recent.data?.opening;
  const openError = open.isError ? toStudioError(open.error) : null;

  return (
    <ScrollArea h="100%" data-testid="project-page">
      <Stack p="md" gap="md" maw={1000}>
        <Stack gap={2}>
          <Title order={2} size="h3">Project <Text span inherit c="dimmed">{project.data?.name}</Text></Title>
          {project.data && <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="project-root">{project.data.root}</Text>}
          {project.data?.script && <Text size="sm" c="dimmed">Read as node-pg-migrate reads it, from the package.json script <Code>{project.data.script}</Code>.</Text>}
        </Stack>
        {project.isError && <Alert color="red" title={toStudioError(project.error).message}>{toStudioError(project.error).hint}</Alert>}
        {project.data && <SettingsTable project={project.data} />}
        {opening && opening.open !== 'never' && (
          <Stack gap="xs">
            <Title order={3} size="h4">Open another project</Title>
            <form onSubmit={(event) => { event.preventDefault(); if (path.trim()) open.mutate(path.trim()); }}>
              <Group align="flex-end" gap="xs">
                <TextInput
                  style={{ flex: 1, minWidth: 200 }}
                  label={opening.open === 'below-root' ? `Folder below ${opening.root ?? 'the projects root'}` : 'Project folder'}
                  placeholder={opening.open === 'below-root' ? 'my-app' : '/home/me/my-app'}
                  value={path}
                  onChange={(event) => setPath(event.currentTarget.value)}
                  error={openError ? `${openError.message}${openError.hint ? ` ${openError.hint}` : ''}` : undefined}
                />
                <Button type="submit" loading={open.isPending} disabled={!path.trim()}>Open</Button>
                {opening.pickFolder && (
                  <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => pick.mutate()} loading={pick.isPending}>Choose folder…</Button>
                )}
              </Group>
            </form>
          </Stack>
        )}
        {opening?.open === 'never' && <Text size="sm" c="dimmed">This server serves one project. Start it with <Code>serve --projects-root DIR</Code> to open the folders below DIR from here.</Text>}
        {(recent.data?.projects.length ?? 0) > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h4">Recent projects</Title>
            {recent.data?.projects.map((entry) => (
              <Group key={entry.root} gap="xs" wrap="nowrap">
                <Button size="compact-sm" variant="subtle" onClick={() => open.mutate(entry.root)}>{entry.name}</Button>
                <Text size="xs" c="dimmed" ff="monospace" truncate="end">{entry.root}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </ScrollArea>
  );
}
