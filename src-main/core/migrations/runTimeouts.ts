import type pg from 'pg';
import { runTimeoutsSchema, StudioError, type RunTimeouts } from '../../contract';

/** The timeouts of a run, checked again here: callers inside the engine (a rollback's downs) skip the router. */
export function validRunTimeouts(timeouts: RunTimeouts | undefined): RunTimeouts {
  if (!timeouts) return {};
  const parsed = runTimeoutsSchema.safeParse(timeouts);
  if (parsed.success) return parsed.data;
  throw new StudioError('invalid-input', `Invalid timeout: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, {
    hint: 'Use PostgreSQL\'s time syntax: 5s, 500ms, 2min, 1h (0 turns the timeout off).',
    detail: { timeouts },
  });
}

export const hasRunTimeouts = (timeouts: RunTimeouts): boolean => timeouts.lockTimeout !== undefined || timeouts.statementTimeout !== undefined;

/**
 * Applies the run's timeouts on its connection: `local` is SET LOCAL (inside the run's transaction,
 * gone with it), otherwise SET for the session (a pgm.noTransaction() migration runs in autocommit;
 * the session is reset when the connection goes back to the pool). set_config takes the values as
 * parameters, so nothing is spliced into SQL.
 */
export async function applyRunTimeouts(client: Pick<pg.ClientBase, 'query'>, timeouts: RunTimeouts, local: boolean): Promise<void> {
  if (!hasRunTimeouts(timeouts)) return;
  const settings: [string, string][] = [];
  if (timeouts.lockTimeout !== undefined) settings.push(['lock_timeout', timeouts.lockTimeout]);
  if (timeouts.statementTimeout !== undefined) settings.push(['statement_timeout', timeouts.statementTimeout]);
  const calls = settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, ${local ? 'true' : 'false'})`);
  await client.query(`SELECT ${calls.join(', ')}`, settings.flat());
}
