import type * as z from 'zod';
import { contract, StudioError, type ChannelName, type Handlers, type RpcEnvelope } from '../contract';
import { stderrLog, toErrorShape, type ProcessLog } from './errorShape';

export type Dispatch = (channel: string, rawInput: unknown) => Promise<RpcEnvelope<unknown>>;

const isChannel = (name: string): name is ChannelName => Object.prototype.hasOwnProperty.call(contract, name);

/** zod issues as `{path, message}`, the path dotted ('(input)' for the whole input). */
export function describeIssues(issues: readonly z.core.$ZodIssue[]) {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));
}

/**
 * The one entry point every door calls: unknown channel, bad input and handler failures all come
 * back as an error envelope. Never throws, so a door cannot crash on what a client sends.
 */
export function createRouter(handlers: Handlers, log: ProcessLog = stderrLog): { dispatch: Dispatch } {
  const dispatch: Dispatch = async (channel, rawInput) => {
    try {
      if (typeof channel !== 'string' || !isChannel(channel)) {
        throw new StudioError('not-found', `Unknown channel "${String(channel).slice(0, 100)}".`, {
          hint: `Call one of: ${Object.keys(contract).join(', ')}.`,
        });
      }
      const parsed = contract[channel].input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const issues = describeIssues(parsed.error.issues);
        throw new StudioError('invalid-input', `Invalid input for ${channel}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {
          hint: 'Correct the highlighted fields and try again.',
          detail: { issues },
        });
      }
      // The contract maps each channel to its handler's exact input type; TypeScript cannot follow the index.
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toErrorShape(error, log) };
    }
  };
  return { dispatch };
}
