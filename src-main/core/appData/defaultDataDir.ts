import { homedir } from 'node:os';
import { join } from 'node:path';

const appFolderName = 'pgm-studio';

/** The OS's per-user config folder (where Electron's userData lives too). */
function userConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA || join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

/** The app's data folder: PGM_STUDIO_DATA_DIR, else the OS's per-user config folder + /pgm-studio. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return env.PGM_STUDIO_DATA_DIR || join(userConfigDir(env, platform), appFolderName);
}
