import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './defaultDataDir';

describe('defaultDataDir', () => {
  it('prefers PGM_STUDIO_DATA_DIR', () => {
    expect(defaultDataDir({ PGM_STUDIO_DATA_DIR: '/srv/studio', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/srv/studio');
  });

  it('uses XDG_CONFIG_HOME, else ~/.config, on Linux', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/ada/.cfg' }, 'linux')).toBe('/home/ada/.cfg/pgm-studio');
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'pgm-studio'));
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'pgm-studio'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\ada\\AppData\\Roaming', 'pgm-studio'));
  });
});
