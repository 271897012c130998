import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { StudioError } from '../../contract';
import { libpqEnvironment, maskPassword, maskUrlPasswords, type DatabaseTarget } from '../database';

export interface PgProcessOptions {
  /** Whose libpq environment the tool gets (password in PGPASSWORD, never argv). */
  target: DatabaseTarget;
  /** Over the target's: e.g. PGDATABASE of a scratch database. */
  database?: string;
  /** Every stderr line (pg_dump --verbose progress), already masked. */
  onLine?: (line: string) => void;
  signal?: AbortSignal;
}

export interface PgProcessResult {
  code: number | null;
  /** The last stderr lines (masked), for an error message. */
  tail: string[];
  cancelled: boolean;
}

/** The environment a libpq tool runs with: ours without any PG* variable, plus the target's. */
function toolEnvironment(target: DatabaseTarget, database: string | undefined): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
  return { ...base, ...libpqEnvironment(target), ...(database ? { PGDATABASE: database } : {}), LC_MESSAGES: 'C' };
}

/**
 * Runs pg_dump / pg_restore in its own process group, so cancelling kills its parallel workers too.
 * Resolves with its exit code; never rejects for a failing tool (the caller words the error).
 */
export function runPgTool(command: string, args: readonly string[], options: PgProcessOptions): Promise<PgProcessResult> {
  const password = libpqEnvironment(options.target).PGPASSWORD;
  const mask = (text: string) => maskUrlPasswords(maskPassword(text, password));
  return new Promise((resolve) => {
    const tail: string[] = [];
    let cancelled = false;
    const child = spawn(command, args, { env: toolEnvironment(options.target, options.database), stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
    const kill = () => {
      cancelled = true;
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
        else child.kill('SIGTERM');
      } catch {
        // already gone
      }
    };
    if (options.signal?.aborted) kill();
    options.signal?.addEventListener('abort', kill, { once: true });
    createInterface({ input: child.stderr }).on('line', (raw) => {
      const line = mask(raw);
      tail.push(line);
      if (tail.length > 40) tail.shift();
      options.onLine?.(line);
    });
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', kill);
      resolve({ code: -1, tail: [...tail, mask(error.message)], cancelled });
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', kill);
      resolve({ code, tail, cancelled });
    });
  });
}

/** The error for a tool that exited non-zero: its last error lines (never its environment). */
export function pgToolFailed(tool: string, result: PgProcessResult, hint: string): StudioError {
  const errors = result.tail.filter((l) => /error|fatal|could not|failed/i.test(l));
  const shown = (errors.length ? errors : result.tail).slice(-5).join(' | ');
  return new StudioError('database-error', `${tool} failed (exit ${result.code}): ${shown || 'no message'}`, { hint, detail: { lines: result.tail.slice(-20) } });
}
