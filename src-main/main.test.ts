// The Electron door with a mocked `electron`: which data folder its studio gets.
import { afterEach, describe, expect, it, vi } from 'vitest';

const captured = vi.hoisted(() => ({ studioOptions: [] as unknown[] }));

vi.mock('electron', () => {
  const noop = () => undefined;
  return {
    app: {
      enableSandbox: noop,
      on: noop,
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => `/electron-user-data/${name}`,
      getAppPath: () => '/opt/pgm-studio',
      isPackaged: false,
      quit: noop,
    },
    BrowserWindow: { getAllWindows: () => [], getFocusedWindow: () => null },
    session: { defaultSession: {} },
  };
});
vi.mock('./handlers/createStudio', () => ({
  createStudio: (options: unknown) => {
    captured.studioOptions.push(options);
    return { handlers: {}, events: { subscribe: () => () => undefined, emit: () => undefined }, interruptRun: async () => false, close: async () => undefined };
  },
}));
vi.mock('./ipc/contentSecurityHeaders', () => ({ secureSession: () => undefined }));
vi.mock('./ipc/mainWindow', () => ({ createMainWindow: () => ({ webContents: {} }), lockDownWebContents: () => undefined }));
vi.mock('./ipc/projectFolderDialog', () => ({ projectFolderPicker: () => async () => null }));
vi.mock('./ipc/registerHandlers', () => ({ registerHandlers: () => () => undefined, forwardEvents: () => () => undefined }));

async function startMain(): Promise<Record<string, unknown>> {
  vi.resetModules();
  captured.studioOptions.length = 0;
  await import('./main');
  await vi.waitFor(() => expect(captured.studioOptions).toHaveLength(1));
  return captured.studioOptions[0] as Record<string, unknown>;
}

describe('main.ts (the Electron door)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('honours PGM_STUDIO_DATA_DIR like the CLI and the server', async () => {
    vi.stubEnv('PGM_STUDIO_DATA_DIR', '/tmp/pgm-studio-e2e-data');
    expect(await startMain()).toMatchObject({ dataDir: '/tmp/pgm-studio-e2e-data', door: 'electron' });
  });

  it('without it, uses the per-user config folder the other doors use', async () => {
    vi.stubEnv('PGM_STUDIO_DATA_DIR', '');
    vi.stubEnv('XDG_CONFIG_HOME', '/home/operator/.config');
    const { dataDir } = await startMain();
    expect(dataDir).toBe(process.platform === 'linux' ? '/home/operator/.config/pgm-studio' : expect.stringMatching(/pgm-studio$/));
  });
});
