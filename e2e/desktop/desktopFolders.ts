import { chmod, cp, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The folders one desktop launch runs on, all under `root` (remove `root` at the end). */
export interface DesktopFolders {
  root: string;
  /** Fresh: the app starts its own sandbox PostgreSQL, as on a first launch. */
  dataDir: string;
  /** XDG_CONFIG_HOME, so the app never reads or writes the machine's own settings. */
  configHome: string;
  /** The project folder, holding migrations/. */
  projectDir: string;
  /** A copy of the repository's sample migrations. */
  migrationsDir: string;
}

const sampleMigrations = resolve(import.meta.dirname, '../../migrations');

/** A fresh temporary root with an empty config folder and a copy of the sample project. */
export async function makeDesktopFolders(prefix: string): Promise<DesktopFolders> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  // Running as root, the sandbox's PostgreSQL runs as `postgres`: it must be able to enter the data folder.
  await chmod(root, 0o755);
  const dataDir = join(root, 'data');
  const configHome = join(root, 'config');
  const projectDir = join(root, 'project');
  const migrationsDir = join(projectDir, 'migrations');
  await mkdir(configHome);
  await cp(sampleMigrations, migrationsDir, { recursive: true });
  return { root, dataDir, configHome, projectDir, migrationsDir };
}
