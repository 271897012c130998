// API of the migrations engine. Signatures are fixed (the CLI, server and IPC build on them); each
// piece lives in its own file in this folder.
export type { RunOptions } from './types';
export type { LoadProjectOptions } from '../project/loadProject';
export { loadProject } from '../project/loadProject';
export { getStatus } from './status';
export { createMigrationFolderCache, type MigrationFolderCache } from './migrationFolderCache';
export { planRun, runMigrations, redoMigrations, rehearse } from './commands';
export { createMigration } from './createMigration';
export { findLockHolder } from './lock';
export { migrationSchemaDiff } from './migrationDiff';
export { signalBlockingSession } from './runMonitor';
