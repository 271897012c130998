import { join } from 'node:path';
import * as z from 'zod';
import { connectionProfileSchema } from '../../contract';
import { readJsonFile, writeJsonFileAtomic } from '../appData';

/** What connections.json holds: profiles and flags only. Passwords live in the keychain, never here. */
export const profilesFileSchema = z
  .object({
    version: z.literal(1),
    currentId: z.string().min(1).max(200).nullable(),
    connections: z.array(
      z.object({
        profile: connectionProfileSchema,
        /** A password for this profile was saved in the keychain (so list() need not ask the keychain). */
        passwordInKeychain: z.boolean(),
        /** The project (its real path) the connection was saved in; absent: saved before projects, shown in every project. */
        project: z.string().min(1).max(4096).optional(),
      }).strict(),
    ),
  })
  .strict();
export type ProfilesFile = z.infer<typeof profilesFileSchema>;
export type StoredConnection = ProfilesFile['connections'][number];

export const emptyProfilesFile: ProfilesFile = { version: 1, currentId: null, connections: [] };

export function profilesFilePath(dataDir: string): string {
  return join(dataDir, 'connections.json');
}

export async function readProfilesFile(dataDir: string): Promise<ProfilesFile> {
  return (await readJsonFile(profilesFilePath(dataDir), profilesFileSchema)) ?? structuredClone(emptyProfilesFile);
}

export async function writeProfilesFile(dataDir: string, file: ProfilesFile): Promise<void> {
  await writeJsonFileAtomic(profilesFilePath(dataDir), profilesFileSchema.parse(file));
}
