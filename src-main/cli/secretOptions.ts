// Secrets (a database URL with its password, API tokens) reach the CLI by the environment or a file:
// anything on the command line is visible to every user of the machine in `ps` (/proc/<pid>/cmdline).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StudioError } from '../contract';
import type { Terminal } from './terminal';

/** The first line of a secret file, trimmed (a trailing newline from `echo > file` is not part of it). */
export function readSecretFile(option: string, file: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new StudioError('invalid-input', `Cannot read ${option} ${file} (${code}).`, {
      hint: `Give a readable file holding the value on its first line (e.g. chmod 600, owned by the user running pgm-studio).`,
    });
  }
  const value = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (!value) throw new StudioError('invalid-input', `${option} ${file} is empty.`, { hint: 'Put the value on the first line of the file.' });
  return value;
}

/** One of an option, its file variant and nothing: both at once is a usage error. */
export function secretFrom(option: string, given: string | undefined, file: string | undefined): string | undefined {
  if (given !== undefined && file !== undefined) {
    throw new StudioError('invalid-input', `Give ${option} or ${option}-file, not both.`, { hint: `Prefer ${option}-file: the command line is visible to other users in \`ps\`.` });
  }
  return file !== undefined ? readSecretFile(`${option}-file`, file) : given;
}

/** Whether a PostgreSQL URL (or key=value connection string) carries a password. */
export function hasPassword(connection: string): boolean {
  try {
    const url = new URL(connection);
    // pg and libpq also take the password as a query parameter.
    return url.password !== '' || url.searchParams.has('password');
  } catch {
    return /(^|\s)password\s*=/i.test(connection);
  }
}

/** Warns (stderr, once per option) that a secret was given on the command line, and how to pass it instead. */
export function warnSecretOnCommandLine(terminal: Terminal, what: string, instead: string): void {
  terminal.err(terminal.errStyle.warn(`warning: ${what} on the command line is visible to other users of this machine (ps, /proc).`));
  terminal.err(terminal.errStyle.dim(`hint: ${instead}`));
}
