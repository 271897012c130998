// API of the migrations engine. Signatures are fixed (the CLI, server and IPC build on them); each
// piece lives in its own file in this folder.
import type { LockHolder, ProjectSettings } from '../../contract';
import { withClient } from './connection';
import { readLockHolder } from './lock';
import type { DatabaseTarget } from './types';

export type { DatabaseTarget, RunOptions } from './types';
export type { LoadProjectOptions } from '../project/loadProject';
export { loadProject } from '../project/loadProject';
export { getStatus } from './status';
export { planRun, runMigrations, redoMigrations, rehearse } from './commands';
export { createMigration, validateMigrationName, vagueNameWarnings } from './createMigration';
export { applicationName, describeTarget } from './connection';

/** Who holds node-pg-migrate's advisory lock on this database right now, or null. */
export async function findLockHolder(db: DatabaseTarget, _project: ProjectSettings): Promise<LockHolder | null> {
  return withClient(db, (client) => readLockHolder(client));
}
