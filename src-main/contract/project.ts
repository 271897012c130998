import { z } from 'zod';
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

export interface ProjectInfo {
  settings: ProjectSettings;
  /** Config file the settings came from, if any. */
  configFile: string | null;
}

export interface AppInfo {
  version: string;
  /** Which door built the studio answering: the desktop window, server mode, or the pgm-studio command. */
  door: 'electron' | 'server' | 'cli';
  project: ProjectInfo;
}

export const projectContract = {
  'app/info': channel<AppInfo>()(z.object({}).strict()),
};
