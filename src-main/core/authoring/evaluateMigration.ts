import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MigrationSourceLanguage, SourceError } from '../../contract';
import { evaluationWorkerSource } from './evaluationWorkerSource';

/** One `pgm.*` call the migration made, with the line of the operator's text it came from. */
export interface BuilderCall {
  op: string;
  /** The call's arguments as plain JSON (a pgm.func() literal becomes `{ literal }`, a function `'[function]'`). */
  args: unknown[];
  line: number | null;
}

export type EvaluatedStep =
  | { sql: string[]; calls: BuilderCall[]; noTransaction: boolean; inferred?: boolean }
  | { notInferable: string; calls: BuilderCall[]; line?: number | null }
  | { error: SourceError; calls: BuilderCall[] };

export type Evaluation = { load: SourceError } | { up: EvaluatedStep; down: EvaluatedStep };

export interface EvaluateOptions {
  /** A folder the text's relative imports resolve from (the project's migrations folder); nothing is written there. */
  resolveFrom?: string;
  /** How long up and down together may take; an endless loop is stopped there. */
  timeoutMs?: number;
}

/** Generous: a cold worker loads node-pg-migrate and jiti (and compiles TS) on a CI machine 3x slower than ours. */
export const defaultEvaluationTimeoutMs = 15_000;

const modules = {
  nodePgMigrate: import.meta.resolve('node-pg-migrate'),
  nodePgMigratePath: fileURLToPath(import.meta.resolve('node-pg-migrate')),
  sqlMigration: import.meta.resolve('node-pg-migrate/sqlMigration'),
  jiti: import.meta.resolve('jiti'),
};

function startWorker(): Worker {
  // An empty environment: the text being evaluated must not read DATABASE_URL or any other secret of the process.
  const worker = new Worker(evaluationWorkerSource, { eval: true, env: {}, workerData: { modules }, resourceLimits: { maxOldGenerationSizeMb: 256 }, stdout: true, stderr: true });
  // A worker waiting for its job must not keep the process alive.
  worker.unref();
  worker.on('error', () => undefined);
  return worker;
}

// One worker is started ahead so an evaluation does not wait for node-pg-migrate and jiti to load;
// each worker still runs exactly one evaluation.
let spare: Worker | null = null;
function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = startWorker();
  return worker;
}

/**
 * Run a migration's up and down against node-pg-migrate's MigrationBuilder in a worker thread that
 * has no database: the main process never executes the operator's text, and a `while (true)` costs
 * one terminated worker. Each call gets a fresh worker, so nothing one text does leaks into the next.
 */
export function evaluateMigration(language: MigrationSourceLanguage, content: string, options: EvaluateOptions = {}): Promise<Evaluation> {
  const timeoutMs = options.timeoutMs ?? defaultEvaluationTimeoutMs;
  // A name no real file has, in the folder relative imports should resolve from.
  const filename = join(options.resolveFrom ?? tmpdir(), `__pgm_studio_preview__.${language}`);
  return new Promise<Evaluation>((resolve) => {
    const worker = takeWorker();
    worker.ref();
    let settled = false;
    const finish = (evaluation: Evaluation) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(evaluation);
    };
    const timer = setTimeout(() => {
      finish({ load: { message: `The migration did not finish within ${Math.round(timeoutMs / 1000)} s (an endless loop, or a promise that never settles?). It was stopped.` } });
    }, timeoutMs);
    worker.on('message', (message: { ok: true; result: Evaluation } | { ok: false; message: string }) => {
      finish(message.ok ? message.result : { load: { message: message.message } });
    });
    worker.on('error', (error) => finish({ load: { message: `The migration stopped its evaluation: ${error.message}` } }));
    worker.on('exit', (code) =>
      finish({ load: { message: code === 0 ? 'The migration never finished: up or down awaits something that never happens.' : `The migration stopped its evaluation (exit code ${code}: process.exit, or out of memory).` } }),
    );
    worker.postMessage({ language, content, filename });
  });
}
