import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { StudioErrorShape } from '../contract';
import { toErrorShape, type ProcessLog } from '../handlers/errorShape';

/** `{error: {code, message, hint}}` with a status; RPC callers get the same error inside an envelope. */
export function sendError(reply: FastifyReply, status: number, error: StudioErrorShape) {
  const isRpc = reply.request.url.startsWith('/rpc/');
  return reply.code(status).header('cache-control', 'no-store').send(isRpc ? { ok: false, error } : { error });
}

const statusCodes: Partial<Record<StudioErrorShape['code'], number>> = { 'invalid-input': 400, 'not-found': 404, 'auth-failed': 401, forbidden: 403, 'rate-limited': 429 };

/** Fastify's own failures (bad JSON, too large, rate limit) in our error shape; anything else is a masked 500. */
export function installErrorHandlers(app: FastifyInstance, log: ProcessLog): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.statusCode === 429) {
      return sendError(reply, 429, { code: 'rate-limited', message: 'Too many requests.', hint: `Wait ${reply.getHeader('retry-after') ?? 'a few'} seconds, then try again.` });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Client mistakes (malformed JSON, unsupported media type, body too large) are safe to describe.
      return sendError(reply, error.statusCode, { code: 'invalid-input', message: error.message, hint: 'Send a JSON body with Content-Type: application/json.' });
    }
    const shape = toErrorShape(error, log);
    return sendError(reply, statusCodes[shape.code] ?? 500, shape);
  });
  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, 404, { code: 'not-found', message: 'No such page or endpoint.', hint: 'Open the URL PGM Studio printed at startup.' }),
  );
}
