import type { ChannelName, Handlers, ProjectSettings } from '../contract';
import {
  evaluateMigration, lintMigration, previewOf, readMigrationSource, readRowEstimates, saveMigrationSource, tablesNeedingEstimates, upDownUp,
} from '../core/authoring';
import { describeTarget, withClient, type DatabaseTarget } from '../core/database';
import { readAppliedMigrations } from '../core/migrations/appliedMigrations';

type AuthoringChannel = Extract<ChannelName, `authoring/${string}` | 'migrations/source' | 'migrations/save'>;

export interface AuthoringDeps {
  project(): Promise<ProjectSettings>;
  target(connectionId?: string): Promise<DatabaseTarget>;
  /** A server the up-down-up test may create and drop databases on (the sandbox; in tests, the test server). */
  scratchServer(): Promise<DatabaseTarget>;
}

/** authoring/* and the editor's migrations/source, migrations/save bound to the engine. */
export function authoringHandlers(deps: AuthoringDeps): Pick<Handlers, AuthoringChannel> {
  const isApplied = (project: ProjectSettings, connectionId?: string) => async (name: string) => {
    const target = await deps.target(connectionId);
    return (await withClient(target, (client) => readAppliedMigrations(client, project))).some((m) => m.name === name);
  };
  // Relative imports in the text resolve from the migrations folder; no project: from nowhere in particular.
  const resolveFrom = () => deps.project().then((p) => p.migrationsDir, () => undefined);
  return {
    'migrations/source': async ({ connectionId, name }) => {
      const project = await deps.project();
      return readMigrationSource(project, name, isApplied(project, connectionId));
    },
    'migrations/save': async ({ connectionId, ...input }) => {
      const project = await deps.project();
      return saveMigrationSource(project, input, isApplied(project, connectionId));
    },
    'authoring/preview': async ({ language, content }) => previewOf(await evaluateMigration(language, content, { resolveFrom: await resolveFrom() })),
    'authoring/lint': async ({ connectionId, name, language, content, rowEstimates }) => {
      const evaluation = await evaluateMigration(language, content, { resolveFrom: await resolveFrom() });
      const subject = { name, language, content };
      const tables = tablesNeedingEstimates(evaluation, subject);
      let estimates = null;
      let rowEstimatesFrom: string | null = null;
      if (rowEstimates && tables.length > 0) {
        // No database reachable is no reason to refuse the other rules: that one then judges without sizes.
        const read = await Promise.all([deps.target(connectionId), deps.project()])
          .then(async ([target, project]) => ({ from: describeTarget(target), estimates: await readRowEstimates(target, project.schema, tables) }))
          .catch(() => null);
        estimates = read?.estimates ?? null;
        rowEstimatesFrom = read?.from ?? null;
      }
      return { findings: lintMigration(subject, evaluation, estimates), rowEstimatesFrom };
    },
    'authoring/up-down-up': async (input) => upDownUp(await deps.scratchServer(), await deps.project(), input),
  };
}
