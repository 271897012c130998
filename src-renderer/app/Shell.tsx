import { Suspense, useState } from 'react';
import { AppShell, Center, Loader } from '@mantine/core';
import { Outlet } from 'react-router';
import { ConnectionsDrawer } from '../features/connections/ConnectionsDrawer';
import { useAppInfo, useCurrentConnection, useMigrationStatus } from '../lib/queries';
import { CommandPalette } from './CommandPalette';
import { NavigationRail } from './NavigationRail';
import { RunFlowProvider } from './run/RunFlowContext';
import { RunPanel } from './run/RunPanel';
import { SessionExpiredBanner } from './SessionExpiredBanner';
import { ShellHeader } from './ShellHeader';
import { StatusBar } from './StatusBar';

const headerHeight = 56;
const footerHeight = 30;
const railWidth = 88;

/** The workbench: header, the rail of sections, the section on screen, the run panel, the status bar. */
export function Shell() {
  const info = useAppInfo();
  const connections = useCurrentConnection();
  const ready = connections.isSuccess;
  const status = useMigrationStatus(connections.currentId, ready);
  const [manageOpen, setManageOpen] = useState(false);
  const openConnections = () => setManageOpen(true);
  // Tests and operators wait on the same thing: the first status answer, good or bad.
  const loaded = status.isSuccess || status.isError || connections.isError;

  return (
    <RunFlowProvider>
      <AppShell
        header={{ height: headerHeight }}
        navbar={{ width: railWidth, breakpoint: 0 }}
        footer={{ height: footerHeight }}
        padding={0}
        data-testid={loaded ? 'app-loaded' : 'app-loading'}
      >
        {/* A red rule under the header: on production the whole window says so, not only a badge. */}
        <AppShell.Header style={connections.current?.environment === 'production' ? { borderBottom: '3px solid var(--mantine-color-red-filled)' } : undefined}>
          <ShellHeader project={info.data?.project.settings.migrationsDir} list={connections.data} current={connections.current} onManageConnections={openConnections} />
        </AppShell.Header>
        <AppShell.Navbar>
          <NavigationRail onOpenConnections={openConnections} />
        </AppShell.Navbar>
        <AppShell.Main style={{ height: '100dvh', display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          <SessionExpiredBanner />
          <div style={{ flex: 1, minHeight: 0, minWidth: 0 }}>
            <Suspense fallback={<Center h="100%"><Loader size="sm" aria-label="Loading the section" /></Center>}>
              <Outlet />
            </Suspense>
          </div>
          <RunPanel />
        </AppShell.Main>
        <AppShell.Footer>
          <StatusBar info={info.data} connectionId={connections.currentId} ready={ready} />
        </AppShell.Footer>
        <ConnectionsDrawer opened={manageOpen} onClose={() => setManageOpen(false)} />
        <CommandPalette onOpenConnections={openConnections} />
      </AppShell>
    </RunFlowProvider>
  );
}
