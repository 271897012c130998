import type { RpcEnvelope } from '../contract';

/** The value of an ok envelope; a failed one throws with its code and message, so the test says why. */
export function envelopeValue<T>(envelope: RpcEnvelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}
