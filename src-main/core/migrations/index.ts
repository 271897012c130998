// API of the migrations engine. Signatures are fixed (the CLI, server and IPC build on them);
// bodies are being written in this folder.
import type pg from 'pg';
import type {
  CreatedMigration, LockHolder, MigrationEvent, MigrationRunResponse, MigrationStatus,
  ProjectInfo, ProjectSettings, RehearsalResult, RunPlan, RunSelection,
} from '../../contract';

/** Where to connect: a full pg client config, password included (resolved from the keychain by the caller). */
export type DatabaseTarget = pg.ClientConfig;

export interface RunOptions {
  /** Receives per-migration events and log lines while the run is in progress. */
  onEvent?: (event: MigrationEvent) => void;
  runId?: string;
}

export interface LoadProjectOptions {
  migrationsDir?: string;
  /** node-pg-migrate JSON config file (-f/--config-file). */
  configFile?: string;
  overrides?: Partial<ProjectSettings>;
}

const pending = (): never => {
  throw new Error('not implemented yet');
};

export async function loadProject(_options: LoadProjectOptions): Promise<ProjectInfo> { return pending(); }
export async function getStatus(_db: DatabaseTarget, _project: ProjectSettings): Promise<MigrationStatus> { return pending(); }
export async function planRun(_db: DatabaseTarget, _project: ProjectSettings, _selection: RunSelection): Promise<RunPlan> { return pending(); }
export async function runMigrations(_db: DatabaseTarget, _project: ProjectSettings, _selection: RunSelection, _options?: RunOptions): Promise<MigrationRunResponse> { return pending(); }
export async function redoMigrations(_db: DatabaseTarget, _project: ProjectSettings, _count: number, _options?: RunOptions): Promise<MigrationRunResponse> { return pending(); }
export async function rehearse(_db: DatabaseTarget, _project: ProjectSettings, _selection: RunSelection, _options?: RunOptions): Promise<RehearsalResult> { return pending(); }
export async function createMigration(_project: ProjectSettings, _input: { name: string; language: 'js' | 'ts' | 'sql' }, _now?: Date): Promise<CreatedMigration> { return pending(); }
export async function findLockHolder(_db: DatabaseTarget, _project: ProjectSettings): Promise<LockHolder | null> { return pending(); }
