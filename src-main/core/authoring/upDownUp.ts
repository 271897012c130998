import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  newMigrationNameHint, newMigrationNameProblem, StudioError, type MigrationRunResponse, type MigrationSourceLanguage, type ProjectSettings, type SchemaSnapshot, type UpDownUpResult, type UpDownUpStep, type UpDownUpStepName,
} from '../../contract';
import { withClient, type DatabaseTarget } from '../database';
import { runMigrations } from '../migrations';
import { listMigrationFilesToRun, migrationTimestamp, type MigrationFile } from '../migrations/migrationFiles';
import { diffSnapshots, readSchemaSnapshot, snapshotText, summarizeDiff } from '../schema';
import { evaluateMigration } from './evaluateMigration';
import { baseNameOf } from './lint';
import { abandonedScratchNames, onDatabase, scratchPrefix, scratchServer, uniqueScratchName } from './scratchDatabases';
import { sha256Of } from './migrationSource';

export interface UpDownUpInput {
  name: string;
  language: MigrationSourceLanguage;
  content: string;
}

/** The migrations to replay before the tested one, and the name the tested one runs under (sorting after them). */
async function replayPlan(project: ProjectSettings, input: UpDownUpInput): Promise<{ replay: MigrationFile[]; testName: string }> {
  const files = await listMigrationFilesToRun(project.migrationsDir);
  const index = files.findIndex((f) => f.name === input.name);
  if (index >= 0) return { replay: files.slice(0, index), testName: input.name };
  const base = baseNameOf(input.name);
  const problem = newMigrationNameProblem(base);
  if (problem !== null) throw new StudioError('invalid-name', problem, { hint: newMigrationNameHint });
  const last = files.at(-1);
  return { replay: files, testName: `${Math.max(Date.now(), last === undefined ? 0 : migrationTimestamp(last.name) + 1)}_${base}` };
}

function failureOf(response: MigrationRunResponse): UpDownUpStep['error'] {
  const failure = response.failure;
  return { message: failure?.message ?? response.message, ...(failure?.hint ? { hint: failure.hint } : {}), ...(failure?.migration ? { migration: failure.migration } : {}) };
}

/** "index users_email_idx on public.users created by up is still there after down", one line per difference. */
function differenceLines(before: SchemaSnapshot, afterUp: SchemaSnapshot, afterDown: SchemaSnapshot): string[] {
  const byUp = summarizeDiff(diffSnapshots(before, afterUp));
  const left = summarizeDiff(diffSnapshots(before, afterDown));
  return [
    ...left.added.map((o) => (byUp.added.includes(o) ? `${o} created by up is still there after down` : `${o} is there after down but was not before up`)),
    ...left.removed.map((o) => (byUp.removed.includes(o) ? `${o} dropped by up is not restored by down` : `${o} was there before up and is gone after down`)),
    ...left.altered.map((o) => `${o} differs after down from before up`),
  ];
}

/**
 * The seed's "test locally", automated: on a scratch database of the scratch server, replay the
 * project's migrations before this one (from a cached template database when the same files were
 * replayed before), then up, down, up again through the engine's own run path, snapshotting the
 * schema before up and after down. Every database it makes is dropped, except the replay template.
 */
export async function upDownUp(server: DatabaseTarget, project: ProjectSettings, input: UpDownUpInput): Promise<UpDownUpResult> {
  const { replay, testName } = await replayPlan(project, input);
  // The run executes the text in this process (the engine's own path): first make sure it loads and
  // finishes in the evaluation worker, so a syntax error or an endless loop never gets that far.
  const evaluation = await evaluateMigration(input.language, input.content, { resolveFrom: project.migrationsDir });
  if ('load' in evaluation) {
    const error = { message: evaluation.load.message, hint: 'Fix the migration (the SQL preview shows where) and test again; nothing was run.' };
    return { passed: false, steps: [{ step: 'up', ok: false, durationMs: 0, error }], differences: [], beforeText: '', afterDownText: '', cached: false, replayed: replay.map((f) => f.name) };
  }
  const scratch = scratchServer(server);
  const folder = await mkdtemp(join(tmpdir(), 'pgm-studio-up-down-up-'));
  const steps: UpDownUpStep[] = [];
  const result = (extra: Partial<UpDownUpResult>): UpDownUpResult => ({ passed: false, steps, differences: [], beforeText: '', afterDownText: '', cached: false, replayed: replay.map((f) => f.name), ...extra });
  const timed = async <T>(step: UpDownUpStepName, work: () => Promise<T>, ok: (value: T) => UpDownUpStep['error'] | null): Promise<T | null> => {
    const started = performance.now();
    try {
      const value = await work();
      const error = ok(value);
      steps.push({ step, ok: error === null, durationMs: Math.round(performance.now() - started), ...(error ? { error } : {}) });
      return error === null ? value : null;
    } catch (caught) {
      const e = caught as { message?: string; hint?: string };
      steps.push({ step, ok: false, durationMs: Math.round(performance.now() - started), error: { message: e.message ?? String(caught), ...(e.hint ? { hint: e.hint } : {}) } });
      return null;
    }
  };

  const database = uniqueScratchName('scratch');
  // What a crashed test (a killed process) left on the server goes first; never fails the test.
  await scratch.list(scratchPrefix).then((names) => Promise.all(abandonedScratchNames(names).map((name) => scratch.drop(name))), () => undefined).catch(() => undefined);
  try {
    // The replayed files, and the tested text as the last migration, in a folder of their own.
    const contents = await Promise.all(replay.map(async (f) => ({ file: f.file, bytes: await readFile(join(project.migrationsDir, f.file)) })));
    await Promise.all(contents.map((c) => writeFile(join(folder, c.file), c.bytes)));
    const settings: ProjectSettings = { ...project, migrationsDir: folder, checkOrder: true };
    const projectKey = sha256Of(await realpath(project.migrationsDir)).slice(0, 8);
    const replayKey = sha256Of(JSON.stringify([project.migrationsSchema, project.migrationsTable, project.schema, contents.map((c) => [c.file, sha256Of(c.bytes)])])).slice(0, 20);
    const template = `${scratchPrefix}tpl_${projectKey}_${replayKey}`;

    let cached = false;
    const replayed = await timed('replay', async () => {
      cached = await scratch.exists(template);
      if (!cached) await buildTemplate(server, settings, template, `${scratchPrefix}tpl_${projectKey}_`, replay.length);
      await scratch.create(database, template);
      return true;
    }, () => null);
    if (replayed === null) return result({ cached });

    await writeFile(join(folder, `${testName}.${input.language}`), input.content);
    const target = onDatabase(server, database);
    const snapshot = () => withClient(target, (client) => readSchemaSnapshot(client, { migrationsTable: { schema: project.migrationsSchema, table: project.migrationsTable } }));
    const run = (direction: 'up' | 'down') => runMigrations(target, settings, { direction, count: 1 });
    const passedRun = (r: MigrationRunResponse) => (r.success ? null : failureOf(r));

    const before = await snapshot();
    const beforeText = snapshotText(before);
    if ((await timed('up', () => run('up'), passedRun)) === null) return result({ cached, beforeText });
    const afterUp = await snapshot();
    if ((await timed('down', () => run('down'), passedRun)) === null) return result({ cached, beforeText });
    const afterDown = await snapshot();
    const differences = differenceLines(before, afterUp, afterDown);
    const afterDownText = snapshotText(afterDown);
    const again = await timed('up again', () => run('up'), passedRun);
    return result({ passed: differences.length === 0 && again !== null, differences, beforeText, afterDownText, cached });
  } finally {
    await scratch.drop(database).catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }

  async function buildTemplate(serverTarget: DatabaseTarget, settings: ProjectSettings, name: string, projectPrefix: string, count: number): Promise<void> {
    const building = uniqueScratchName('building');
    await scratch.create(building);
    try {
      if (count > 0) {
        const response = await runMigrations(onDatabase(serverTarget, building), settings, { direction: 'up', count });
        if (!response.success) {
          const failure = failureOf(response);
          throw new StudioError('migration-failed', `Replaying the project's migrations failed${failure?.migration ? ` at ${failure.migration}` : ''}: ${failure?.message}`, { hint: failure?.hint ?? 'Fix that migration first: the test needs every migration before this one to run on an empty database.' });
        }
      }
      if (!(await scratch.rename(building, name))) await scratch.drop(building);
    } catch (error) {
      await scratch.drop(building).catch(() => undefined);
      throw error;
    }
    // Templates of this project's older migration sets are of no more use.
    for (const stale of await scratch.list(projectPrefix)) if (stale !== name) await scratch.drop(stale).catch(() => undefined);
  }
}
