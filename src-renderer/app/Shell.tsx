import { useState } from 'react';
import { AppShell, Button, Group, SegmentedControl, Text, Title, Tooltip } from '@mantine/core';
import { IconDatabase, IconFolder } from '@tabler/icons-react';
import { ConnectionSwitcher } from '../features/connections/ConnectionSwitcher';
import { ConnectionsDrawer } from '../features/connections/ConnectionsDrawer';
import { EnvironmentsPage } from '../features/environments/EnvironmentsPage';
import { ProjectPage } from '../features/projects/ProjectPage';
import { TimelinePage } from '../features/timeline/TimelinePage';
import { useAppInfo, useCurrentConnection, useMigrationStatus } from '../lib/queries';
import { SessionExpiredBanner } from './SessionExpiredBanner';
import { StatusBar } from './StatusBar';
import { ThemeToggle } from './ThemeToggle';

const headerHeight = 56;
const footerHeight = 30;

/** Header (app, project, connection, theme), the timeline, and the status bar. */
export function Shell() {
  const info = useAppInfo();
  const connections = useCurrentConnection();
  const ready = connections.isSuccess;
  const status = useMigrationStatus(connections.currentId, ready);
  const [manageOpen, setManageOpen] = useState(false);
  // Until the workbench shell's left rail lands: the sections as a switch under the header.
  const [section, setSection] = useState<'timeline' | 'environments' | 'project'>('timeline');
  // Tests and operators wait on the same thing: the first status answer, good or bad.
  const loaded = status.isSuccess || status.isError || connections.isError;
  const project = info.data?.project.settings.migrationsDir;
  const projectName = info.data?.project.name;

  return (
    <AppShell header={{ height: headerHeight }} footer={{ height: footerHeight }} padding={0} data-testid={loaded ? 'app-loaded' : 'app-loading'}>
      {/* A red rule under the header: on production the whole window says so, not only a badge. */}
      <AppShell.Header style={connections.current?.environment === 'production' ? { borderBottom: '3px solid var(--mantine-color-red-filled)' } : undefined}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <IconDatabase size={22} color="var(--mantine-primary-color-filled)" aria-hidden />
              <Title order={1} size="h4">PGM Studio</Title>
            </Group>
            {project && (
              <Tooltip label={`Project ${projectName ?? ''}, migrations folder: ${project}`}>
                <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }} data-testid="project">
                  <IconFolder size={16} aria-hidden />
                  {/* rtl truncates the start of a long path; the bdi keeps its characters in order. */}
                  <Text size="sm" ff="monospace" truncate="start" maw={420}><bdi>{project}</bdi></Text>
                </Group>
              </Tooltip>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ConnectionSwitcher list={connections.data} current={connections.current} onManage={() => setManageOpen(true)} />
            <Button variant="subtle" onClick={() => setManageOpen(true)}>Connections</Button>
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main style={{ height: '100dvh', display: 'flex', flexDirection: 'column' }}>
        <SessionExpiredBanner />
        <Group px="md" pt="xs">
          <SegmentedControl
            size="xs"
            aria-label="Section"
            value={section}
            onChange={(value) => setSection(value as typeof section)}
            data={[{ value: 'timeline', label: 'Timeline' }, { value: 'environments', label: 'Environments' }, { value: 'project', label: 'Project' }]}
          />
        </Group>
        <div style={{ flex: 1, minHeight: 0 }}>
          {section === 'timeline' && <TimelinePage connectionId={connections.currentId} connection={connections.current} ready={ready} />}
          {section === 'environments' && <EnvironmentsPage />}
          {section === 'project' && <ProjectPage />}
        </div>
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar info={info.data} connectionId={connections.currentId} ready={ready} />
      </AppShell.Footer>
      <ConnectionsDrawer opened={manageOpen} onClose={() => setManageOpen(false)} />
    </AppShell>
  );
}
