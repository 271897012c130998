import type { FastifyInstance } from 'fastify';
import type { Dispatch } from '../handlers/router';
import { sendError } from './httpErrors';

/**
 * POST /rpc/<domain>/<verb> with the JSON input as body -> RpcEnvelope. Browsers always send Origin
 * on a POST, so a missing Origin means a non-browser or a stripped request: refused.
 */
export function rpcRoutes(dispatch: Dispatch) {
  return async (app: FastifyInstance) => {
    app.post<{ Params: { domain: string; verb: string } }>('/rpc/:domain/:verb', async (request, reply) => {
      if (!request.headers.origin) {
        return sendError(reply, 403, { code: 'forbidden', message: 'RPC calls must come from the PGM Studio page (no Origin header).', hint: 'Use the app in the browser, or the seed API /api/migrations with a bearer token.' });
      }
      const envelope = await dispatch(`${request.params.domain}/${request.params.verb}`, request.body);
      return reply.header('cache-control', 'no-store').send(envelope);
    });
  };
}
