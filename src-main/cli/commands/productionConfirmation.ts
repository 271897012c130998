// The CLI's door to the production guard (handlers/productionGuard.ts): --confirm <database name>,
// or, on a terminal, the name typed when the engine asks for it.
import { createInterface } from 'node:readline/promises';
import { StudioError } from '../../contract';
import type { Terminal } from '../terminal';

export const confirmOptionFlags = '--confirm <database>';
export const confirmOptionDescription = 'the database name: required to change a production database (on a terminal it is asked for)';

/** Reads one line from the terminal, on stderr so stdout (and --json) stays clean. Ctrl-C or Ctrl-D: no answer. */
export async function askOnTerminal(question: string): Promise<string | null> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const abort = new AbortController();
  prompt.on('SIGINT', () => abort.abort());
  prompt.on('close', () => abort.abort());
  try {
    return (await prompt.question(question, { signal: abort.signal })).trim();
  } catch {
    return null;
  } finally {
    prompt.close();
  }
}

export interface ConfirmationPrompt {
  /** Whether someone can answer (stdin is a terminal). */
  interactive: boolean;
  ask(question: string): Promise<string | null>;
}

const terminalPrompt: ConfirmationPrompt = { get interactive() { return Boolean(process.stdin.isTTY); }, ask: askOnTerminal };

/**
 * Calls `change` with --confirm. Refused as an unconfirmed production run and with nobody to ask,
 * the refusal stands (exit 2 with its hint); on a terminal, the operator types the name and the call
 * is made once more with it (a wrong name is refused by the guard again).
 */
export async function withProductionConfirmation<T>(
  confirm: string | undefined,
  terminal: Terminal,
  change: (confirm: string | undefined) => Promise<T>,
  prompt: ConfirmationPrompt = terminalPrompt,
): Promise<T> {
  try {
    return await change(confirm);
  } catch (error) {
    const database = error instanceof StudioError && error.code === 'confirmation-required' ? (error.detail as { database?: unknown } | undefined)?.database : undefined;
    if (confirm !== undefined || typeof database !== 'string' || !prompt.interactive) throw error;
    terminal.err(`${terminal.errStyle.warn('production:')} ${error instanceof Error ? error.message.replace(/ Nothing was run\.$/, '') : ''}`);
    const typed = await prompt.ask(`Type the database name ${terminal.errStyle.bold(database)} to confirm (anything else cancels): `);
    if (!typed) throw error;
    return change(typed);
  }
}
