import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MigrationRunResponse, MigrationStatusResponse } from '../contract';
import type { Dispatch } from '../handlers/router';
import { roleOf, type ApiTokens, type TokenRole } from './bearerTokens';
import { sendError } from './httpErrors';

export interface RateLimit {
  /** Requests per window, per token (or per IP without a valid token). Default 60. */
  max: number;
  /** Default 60 000 (one minute). */
  timeWindowMs: number;
}

const unauthorized = { code: 'auth-failed', message: 'Missing or invalid bearer token.', hint: 'Send Authorization: Bearer <token> with the read or admin token pgm-studio serve printed (or PGM_STUDIO_READ_TOKEN / PGM_STUDIO_ADMIN_TOKEN).' } as const;
const readOnly = { code: 'forbidden', message: 'The read token may only read the migration status.', hint: 'Use the admin token to run migrations.' } as const;

/**
 * The seed's API, shape for shape: GET /api/migrations (read or admin token) and POST /api/migrations
 * (admin token) running every pending migration up, over the same handlers as the UI.
 */
export function seedApiRoutes(dispatch: Dispatch, tokens: ApiTokens, rateLimit: RateLimit) {
  const authorize = (request: FastifyRequest, reply: FastifyReply, needed: TokenRole): boolean => {
    const role = roleOf(request, tokens);
    if (!role) {
      void sendError(reply.header('www-authenticate', 'Bearer'), 401, unauthorized);
      return false;
    }
    if (needed === 'admin' && role !== 'admin') {
      void sendError(reply, 403, readOnly);
      return false;
    }
    return true;
  };
  const config = {
    rateLimit: {
      max: rateLimit.max,
      timeWindow: rateLimit.timeWindowMs,
      // One bucket per valid token; guesses are counted per IP, so rotating wrong tokens gains nothing.
      keyGenerator: (request: FastifyRequest) => `${roleOf(request, tokens) ?? 'ip'}:${request.ip}`,
    },
  };

  return async (app: FastifyInstance) => {
    // curl -X POST -H "Content-Type: application/json" sends no body: accept it as {}.
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
      body === '' ? done(null, {}) : parseJson(request, String(body), done),
    );

    app.get('/api/migrations', { config }, async (request, reply) => {
      if (!authorize(request, reply, 'read')) return reply;
      const envelope = await dispatch('migrations/status', {});
      if (!envelope.ok) return sendError(reply, 500, envelope.error);
      const body: MigrationStatusResponse = { status: envelope.value as MigrationStatusResponse['status'], message: 'Migration status retrieved successfully' };
      return reply.header('cache-control', 'no-store').send(body);
    });

    app.post('/api/migrations', { config }, async (request, reply) => {
      if (!authorize(request, reply, 'admin')) return reply;
      const envelope = await dispatch('migrations/run', { selection: { direction: 'up' } });
      reply.header('cache-control', 'no-store');
      if (!envelope.ok) {
        return reply.code(500).send({ results: [], message: envelope.error.message, success: false, error: envelope.error });
      }
      const run = envelope.value as MigrationRunResponse;
      if (!run.success) return reply.code(500).send({ results: run.results, message: run.message, success: false, failure: run.failure });
      return reply.send({ results: run.results, message: 'Migrations executed successfully', success: true });
    });
  };
}
