// Runs the real `pgm-studio` binary in a child process, the way an operator or CI would.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const cliBin = join(repoRoot, 'bin', 'pgm-studio.js');
// An empty data folder: a test must never pick up a developer's saved connections.
// Made on first use, so a file that only needs cliBin leaves no folder behind.
let isolatedDataDir: string | undefined;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws with the output when it is not). */
  json<T = unknown>(): T;
}

interface SpawnOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
}

function cliEnv(options: SpawnOptions): NodeJS.ProcessEnv {
  isolatedDataDir ??= mkdtempSync(join(tmpdir(), 'pgm-studio-cli-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PGM_STUDIO_DATA_DIR: isolatedDataDir, ...options.env };
  if (!options.env || !('DATABASE_URL' in options.env)) delete env.DATABASE_URL;
  // The shipped bundle (built by the integration suite's global setup), never the sources through tsx.
  if (!options.env || !('PGM_STUDIO_DEV' in options.env)) delete env.PGM_STUDIO_DEV;
  return env;
}

function parsedJson<T>(code: number | null, stdout: string, stderr: string): T {
  try {
    return JSON.parse(stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${code}).\nstdout: ${stdout}\nstderr: ${stderr}`);
  }
}

/** The CLI still running, for a test that signals it: its output so far, and its end. */
export interface StartedCli {
  child: ChildProcessWithoutNullStreams;
  stderr(): string;
  exit: Promise<CliRun>;
}

export function startCli(args: string[], options: SpawnOptions = {}): StartedCli {
  const child = spawn(process.execPath, [cliBin, ...args], { cwd: options.cwd ?? repoRoot, env: cliEnv(options) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<CliRun>((resolve) =>
    child.on('close', (code, signal) => {
      const exitCode = code ?? (signal ? -1 : 0);
      resolve({ code: exitCode, stdout, stderr, json: <T>() => parsedJson<T>(exitCode, stdout, stderr) });
    }),
  );
  return { child, stderr: () => stderr, exit };
}

export function spawnCli(args: string[], options: SpawnOptions = {}): Promise<CliRun> {
  const env = cliEnv(options);
  return new Promise((resolve) => {
    execFile(process.execPath, [cliBin, ...args], { cwd: options.cwd ?? repoRoot, env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({
        code,
        stdout,
        stderr,
        json: <T>() => parsedJson<T>(code, stdout, stderr),
      });
    });
  });
}
