import * as z from 'zod';
import { channel } from './channel';

/** node-pg-migrate settings for one migrations directory. */
export const projectSettingsSchema = z
  .object({
    migrationsDir: z.string().min(1),
    migrationsTable: z.string().min(1).max(63).default('pgmigrations'),
    migrationsSchema: z.string().min(1).max(63).default('public'),
    schema: z.string().min(1).max(63).default('public'),
    checkOrder: z.boolean().default(true),
  })
  .strict();
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

/** A setting as shown, and where it came from: `package.json script "migrate:up"`, `config/default.json`, `.env`, `default`, ... */
export interface SettingOrigin {
  value: string;
  source: string;
}

export interface ProjectOrigins extends Record<keyof ProjectSettings, SettingOrigin> {
  migrationFileLanguage: SettingOrigin;
  /** The project's own database (DATABASE_URL from the environment or .env, or a config `url`), password masked. */
  databaseUrl: SettingOrigin | null;
}

export interface ProjectInfo {
  /** The project folder (its real path): node-pg-migrate's working directory when the scripts run. */
  root: string;
  /** package.json's name, else the folder's name. */
  name: string;
  settings: ProjectSettings;
  origins: ProjectOrigins;
  /** The package.json script the settings were read from, if one calls node-pg-migrate. */
  script: string | null;
  /** Config file the settings came from, if any. */
  configFile: string | null;
}

/** What this door lets the UI do about projects. */
export interface ProjectOpening {
  /** A native folder dialog (the desktop app only). */
  pickFolder: boolean;
  /** Opening a folder by path: anywhere (desktop), only below `root` (serve --projects-root), or not at all. */
  open: 'anywhere' | 'below-root' | 'never';
  root: string | null;
}

export interface AppInfo {
  version: string;
  /** Which door built the studio answering: the desktop window, server mode, or the pgm-studio command. */
  door: 'electron' | 'server' | 'cli';
  project: ProjectInfo;
  projectOpening: ProjectOpening;
}

export interface RecentProject {
  root: string;
  name: string;
  openedAt: string;
}

export const openProjectInputSchema = z.object({ path: z.string().min(1).max(4096) }).strict();

export const projectContract = {
  'app/info': channel<AppInfo>()(z.object({}).strict()),
  'project/current': channel<ProjectInfo>()(z.object({}).strict()),
  'project/open': channel<ProjectInfo>()(openProjectInputSchema),
  /** The recent projects, and what this door lets the UI open (also when the current project cannot be read). */
  'project/recent': channel<{ projects: RecentProject[]; opening: ProjectOpening }>()(z.object({}).strict()),
  /** The desktop app's folder dialog; `path` null when the operator cancelled. Other doors refuse. */
  'project/pick-folder': channel<{ path: string | null }>()(z.object({}).strict()),
};
