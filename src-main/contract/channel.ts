import type * as z from 'zod';

/** A contract channel: a zod schema for its input and a phantom type for its output. */
export interface Channel<I extends z.ZodType, O> {
  readonly input: I;
  /** Never read at run time; carries the output type. */
  readonly output?: O;
}

export function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
}

export type ChannelInput<C> = C extends Channel<infer I, unknown> ? z.input<I> : never;
export type ChannelParsedInput<C> = C extends Channel<infer I, unknown> ? z.output<I> : never;
export type ChannelOutput<C> = C extends Channel<z.ZodType, infer O> ? O : never;
