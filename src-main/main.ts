// The desktop app: lifecycle, the one window, and the IPC door onto the shared handlers.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { defaultDataDir } from './core/appData';
import { createStudio, type Studio } from './handlers/createStudio';
import { stderrLog } from './handlers/errorShape';
import { createRouter } from './handlers/router';
import type { AppLocation } from './ipc/appLocation';
import { secureSession } from './ipc/contentSecurityHeaders';
import { createMainWindow, lockDownWebContents } from './ipc/mainWindow';
import { projectFolderPicker } from './ipc/projectFolderDialog';
import { forwardEvents, registerHandlers } from './ipc/registerHandlers';

const here = fileURLToPath(new URL('.', import.meta.url));
const preloadPath = join(here, '../preload/preload.cjs');
const location: AppLocation = process.env.ELECTRON_RENDERER_URL
  ? { kind: 'dev-server', url: process.env.ELECTRON_RENDERER_URL }
  : { kind: 'file', indexPath: join(here, '../renderer/index.html') };

/** The sample project (the seed's Course Tracker): its migrations/ shipped in resources/ when packaged, the repo's otherwise. */
const sampleProjectDir = () => (app.isPackaged ? process.resourcesPath : app.getAppPath());

let studio: Studio | null = null;
let closing: Promise<void> | null = null;

// Every renderer sandboxed, whatever a future window forgets to set.
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, location));

function openWindow(current: Studio): void {
  const window = createMainWindow(location, preloadPath);
  forwardEvents(current.events, window.webContents);
}

void app.whenReady().then(() => {
  secureSession(session.defaultSession);
  studio = createStudio({
    // The same data folder as the CLI and the server: $PGM_STUDIO_DATA_DIR, else the per-user config folder.
    dataDir: defaultDataDir(),
    // The desktop twin of --project: open this folder instead of the last project (scripts, tests).
    projectDir: process.env.PGM_STUDIO_PROJECT || undefined,
    sampleProjectDir: sampleProjectDir(),
    rememberProjects: true,
    pickFolder: projectFolderPicker(() => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null),
    door: 'electron',
  });
  registerHandlers(createRouter(studio.handlers).dispatch, location, (channel, url) => stderrLog(`Dropped an IPC call to ${channel} from ${url ?? 'a destroyed frame'}`));
  openWindow(studio);
  app.on('activate', () => {
    if (studio && BrowserWindow.getAllWindows().length === 0) openWindow(studio);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Stop the sandbox database before exiting: hold the quit until the studio is closed.
app.on('will-quit', (event) => {
  if (!studio) return;
  event.preventDefault();
  closing ??= studio
    .close()
    .catch((error: unknown) => stderrLog('Closing the studio failed', error))
    .finally(() => {
      studio = null;
      app.quit();
    });
});
